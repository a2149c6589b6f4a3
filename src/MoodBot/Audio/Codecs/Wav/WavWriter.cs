using System.Buffers.Binary;

namespace MoodBot.Audio.Codecs.Wav;

/// <summary>Writes <see cref="AudioFormat"/> PCM as a 16-bit 48 kHz stereo WAV file, dithered and clamped.</summary>
internal static class WavWriter
{
    private const int HeaderSize = 44;

    /// <summary>
    /// Writes the whole source. On a non-seekable stream the sizes stay 0xFFFFFFFF, the streaming
    /// convention that readers (ours included) take as "until the end of the file".
    /// </summary>
    public static long Write(Stream output, IAudioSource source)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(source);
        var start = output.CanSeek ? output.Position : 0;
        WriteHeader(output, uint.MaxValue);
        var dither = new TpdfDither(1);
        var floats = new float[AudioFormat.FrameFloats * 10];
        var bytes = new byte[floats.Length * 2];
        long dataBytes = 0;
        int n;
        while ((n = source.Read(floats)) > 0)
        {
            Quantise(floats.AsSpan(0, n), bytes, ref dither);
            output.Write(bytes, 0, n * 2);
            dataBytes += n * 2;
        }

        if (output.CanSeek)
        {
            var end = output.Position;
            output.Position = start;
            WriteHeader(output, (uint)Math.Min(dataBytes, uint.MaxValue - HeaderSize));
            output.Position = end;
        }

        return dataBytes;
    }

    public static void Write(Stream output, ReadOnlySpan<float> samples)
    {
        ArgumentNullException.ThrowIfNull(output);
        WriteHeader(output, (uint)(samples.Length & ~1) * 2);
        var dither = new TpdfDither(1);
        var bytes = new byte[AudioFormat.FrameFloats * 20];
        for (var i = 0; i < (samples.Length & ~1); i += bytes.Length / 2)
        {
            var block = samples.Slice(i, Math.Min(bytes.Length / 2, (samples.Length & ~1) - i));
            Quantise(block, bytes, ref dither);
            output.Write(bytes, 0, block.Length * 2);
        }
    }

    private static void Quantise(ReadOnlySpan<float> samples, Span<byte> bytes, ref TpdfDither dither)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes[(i * 2)..], dither.Quantise(samples[i]));
        }
    }

    private static void WriteHeader(Stream output, uint dataBytes)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], dataBytes == uint.MaxValue ? uint.MaxValue : dataBytes + HeaderSize - 8);
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], AudioFormat.Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], AudioFormat.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], AudioFormat.SampleRate * AudioFormat.Channels * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], AudioFormat.Channels * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], dataBytes);
        output.Write(header);
    }
}
