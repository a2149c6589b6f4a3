namespace MoodBot.Audio.Codecs.Opus;

/// <summary>Encodes a whole <see cref="IAudioSource"/> to an Ogg Opus stream, 20 ms frame by frame.</summary>
internal static class OggOpusEncoder
{
    public static Task EncodeAsync(IAudioSource source, Stream output, OggOpusTags tags, CancellationToken cancellationToken) =>
        EncodeAsync(source, output, tags, OggOpusEncoderOptions.Default, cancellationToken);

    public static async Task EncodeAsync(IAudioSource source, Stream output, OggOpusTags tags, OggOpusEncoderOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(options);

        using var encoder = new OpusFrameEncoder(options.Bitrate);
        var writer = new OggOpusWriter(output, OggOpusWriter.SerialFromSeed(options.SerialSeed), encoder.Lookahead, tags, "MoodBot " + encoder.Version);
        var frame = new float[AudioFormat.FrameFloats];
        var packet = new byte[OpusFrameEncoder.MaxPacketBytes];
        long totalSamples = 0;
        long encodedSamples = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var filled = source.FillFrame(frame);
            if (filled == 0)
            {
                break;
            }

            totalSamples += filled / AudioFormat.Channels;
            encodedSamples += AudioFormat.FrameSamples;
            var length = encoder.Encode(frame, packet);
            await writer.WritePacketAsync(packet.AsMemory(0, length), AudioFormat.FrameSamples, cancellationToken).ConfigureAwait(false);
            if (filled < frame.Length)
            {
                break;
            }
        }

        // The encoder's lookahead holds the last real samples back: frames of silence push them out,
        // and the trimmed end granule hides that padding from players.
        Array.Clear(frame);
        while (encodedSamples < encoder.Lookahead + totalSamples)
        {
            var length = encoder.Encode(frame, packet);
            await writer.WritePacketAsync(packet.AsMemory(0, length), AudioFormat.FrameSamples, cancellationToken).ConfigureAwait(false);
            encodedSamples += AudioFormat.FrameSamples;
        }

        await writer.CompleteAsync(totalSamples, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
