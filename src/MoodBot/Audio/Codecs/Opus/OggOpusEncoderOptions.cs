namespace MoodBot.Audio.Codecs.Opus;

/// <summary>How <see cref="OggOpusEncoder"/> encodes; the seed fixes the Ogg serial so output is reproducible.</summary>
internal sealed record OggOpusEncoderOptions(int Bitrate = OpusFrameEncoder.DefaultBitrate, int SerialSeed = 0)
{
    public static OggOpusEncoderOptions Default { get; } = new();
}
