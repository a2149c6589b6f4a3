using System.Buffers.Binary;

namespace MoodBot.Audio.Codecs.Mp3;

/// <summary>
/// Works out an MP3's length without decoding: from the Xing/Info (with the LAME encoder delay and
/// padding) or VBRI header when the encoder wrote one, else by walking the frame headers.
/// </summary>
internal static class Mp3Duration
{
    /// <summary>The MDCT delay of the decoder itself, which LAME's delay field leaves out.</summary>
    public const int DecoderDelay = 529;

    private const int MaxSyncSearch = 64 * 1024;

    /// <summary>Reads from the stream's start (after any ID3v2 tag); null when no MPEG frame is found.</summary>
    public static Mp3Length? Read(Stream stream, int id3Size)
    {
        stream.Position = id3Size;
        var window = new byte[MaxSyncSearch];
        var length = stream.ReadAtLeast(window, window.Length, throwOnEndOfStream: false);
        var first = FindFirstFrame(window.AsSpan(0, length), out var header);
        if (first < 0)
        {
            return null;
        }

        var frame = window.AsSpan(first, Math.Min(header.FrameLength, length - first));
        if (FromXing(frame, header, stream.Length - id3Size - first) is { } xing)
        {
            return xing;
        }

        if (FromVbri(frame, header) is { } vbri)
        {
            return vbri;
        }

        return CountFrames(stream, id3Size + first, header);
    }

    private static int FindFirstFrame(ReadOnlySpan<byte> bytes, out Mp3FrameHeader header)
    {
        for (var i = 0; i + 4 <= bytes.Length; i++)
        {
            // A frame sync followed by another where the first frame ends is a frame, not data.
            if (Mp3FrameHeader.TryParse(bytes[i..], out header)
                && (i + header.FrameLength + 4 > bytes.Length || Mp3FrameHeader.TryParse(bytes[(i + header.FrameLength)..], out _)))
            {
                return i;
            }
        }

        header = default;
        return -1;
    }

    private static Mp3Length? FromXing(ReadOnlySpan<byte> frame, Mp3FrameHeader header, long audioBytes)
    {
        var offset = 4 + header.SideInfoLength;
        if (frame.Length < offset + 16 || !(frame[offset..].StartsWith("Xing"u8) || frame[offset..].StartsWith("Info"u8)))
        {
            return null;
        }

        var flags = BinaryPrimitives.ReadUInt32BigEndian(frame[(offset + 4)..]);
        if ((flags & 1) == 0)
        {
            return null;
        }

        long frames = BinaryPrimitives.ReadUInt32BigEndian(frame[(offset + 8)..]);
        if ((flags & 2) != 0 && BinaryPrimitives.ReadUInt32BigEndian(frame[(offset + 12)..]) is var declared && audioBytes < declared)
        {
            throw new AudioFormatException($"truncated MP3 file: the Xing header declares {declared} bytes of audio, the file has {audioBytes}");
        }

        var lame = offset + 12 + ((flags & 2) != 0 ? 4 : 0) + ((flags & 4) != 0 ? 100 : 0) + ((flags & 8) != 0 ? 4 : 0);
        var samples = frames * header.SamplesPerFrame;
        // LAME writes "LAME3.100" here, ffmpeg "Lavc59.37": the same tag layout either way.
        if (frame.Length >= lame + 24 && (frame[lame..].StartsWith("LAME"u8) || frame[lame..].StartsWith("Lav"u8)))
        {
            // 12-bit encoder delay and 12-bit end padding: what a gapless player trims.
            var delay = (frame[lame + 21] << 4) | (frame[lame + 22] >> 4);
            var padding = ((frame[lame + 22] & 0x0F) << 8) | frame[lame + 23];
            return new Mp3Length(Math.Max(0, samples - delay - padding), header.SampleRate, delay + DecoderDelay);
        }

        return new Mp3Length(samples, header.SampleRate, 0);
    }

    private static Mp3Length? FromVbri(ReadOnlySpan<byte> frame, Mp3FrameHeader header)
    {
        const int offset = 4 + 32;
        if (frame.Length < offset + 18 || !frame[offset..].StartsWith("VBRI"u8))
        {
            return null;
        }

        long frames = BinaryPrimitives.ReadUInt32BigEndian(frame[(offset + 14)..]);
        return new Mp3Length(frames * header.SamplesPerFrame, header.SampleRate, 0);
    }

    private static Mp3Length CountFrames(Stream stream, long firstFrame, Mp3FrameHeader first)
    {
        Span<byte> bytes = stackalloc byte[4];
        long samples = 0;
        var position = firstFrame;
        var header = first;
        while (true)
        {
            samples += header.SamplesPerFrame;
            position += header.FrameLength;
            stream.Position = position;
            if (stream.ReadAtLeast(bytes, 4, throwOnEndOfStream: false) < 4 || !Mp3FrameHeader.TryParse(bytes, out header))
            {
                break;
            }
        }

        return new Mp3Length(samples, first.SampleRate, 0);
    }
}
