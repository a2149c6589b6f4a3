using System.Buffers.Binary;

namespace MoodBot.Audio.Codecs.Wav;

/// <summary>
/// Walks a RIFF/WAVE file's chunks up to the data chunk: the fmt chunk (plain, or
/// WAVE_FORMAT_EXTENSIBLE with its sub-format GUID), LIST/INFO names, and anything else skipped.
/// </summary>
internal sealed record WavHeader(WavEncoding Encoding, int Channels, int SampleRate, int BitsPerSample, long? DataLength, string? Title, string? Artist)
{
    private const ushort FormatPcm = 0x0001;
    private const ushort FormatFloat = 0x0003;
    private const ushort FormatExtensible = 0xFFFE;

    public int BlockAlign => Channels * (BitsPerSample / 8);

    /// <summary>Reads the header and leaves <paramref name="stream"/> at the first sample.</summary>
    public static WavHeader Read(Stream stream)
    {
        Span<byte> riff = stackalloc byte[12];
        ReadExactly(stream, riff, "RIFF header");
        if (!riff[..4].SequenceEqual("RIFF"u8) || !riff[8..].SequenceEqual("WAVE"u8))
        {
            throw new AudioFormatException("not a WAV file: no RIFF/WAVE header");
        }

        (WavEncoding Encoding, int Channels, int Rate, int Bits)? format = null;
        string? title = null;
        string? artist = null;
        Span<byte> chunk = stackalloc byte[8];
        while (true)
        {
            if (ReadSome(stream, chunk) < 8)
            {
                throw new AudioFormatException("truncated WAV file: no data chunk");
            }

            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (chunk[..4].SequenceEqual("data"u8))
            {
                if (format is not { } f)
                {
                    throw new AudioFormatException("corrupt WAV file: data chunk before fmt chunk");
                }

                // 0 and 0xFFFFFFFF are what streaming writers put when they did not know the length.
                long? length = size is 0 or uint.MaxValue ? null : size;
                return new WavHeader(f.Encoding, f.Channels, f.Rate, f.Bits, length, title, artist);
            }

            if (size > 16 * 1024 * 1024)
            {
                throw new AudioFormatException($"corrupt WAV file: a '{System.Text.Encoding.ASCII.GetString(chunk[..4])}' chunk claims {size} bytes");
            }

            var body = new byte[size + (size & 1)];
            ReadExactly(stream, body, $"'{System.Text.Encoding.ASCII.GetString(chunk[..4])}' chunk");
            if (chunk[..4].SequenceEqual("fmt "u8))
            {
                format = ParseFormat(body.AsSpan(0, (int)size));
            }
            else if (chunk[..4].SequenceEqual("LIST"u8) && body.AsSpan().StartsWith("INFO"u8))
            {
                (title, artist) = ParseInfo(body.AsSpan(4, (int)size - 4));
            }
        }
    }

    /// <summary>
    /// Many tools write LIST/INFO after the audio. From the first sample of a seekable file, skips
    /// the data chunk and reads the names from the chunks that follow, if any.
    /// </summary>
    public (string? Title, string? Artist) ReadTrailingInfo(Stream stream)
    {
        if (DataLength is not { } length || !stream.CanSeek)
        {
            return (Title, Artist);
        }

        stream.Seek(length + (length & 1), SeekOrigin.Current);
        Span<byte> chunk = stackalloc byte[8];
        while (ReadSome(stream, chunk) == 8)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (size > stream.Length - stream.Position)
            {
                break;
            }

            if (chunk[..4].SequenceEqual("LIST"u8) && size >= 4)
            {
                var body = new byte[size];
                ReadExactly(stream, body, "LIST chunk");
                if (body.AsSpan().StartsWith("INFO"u8))
                {
                    var (title, artist) = ParseInfo(body.AsSpan(4));
                    return (Title ?? title, Artist ?? artist);
                }

                stream.Seek(size & 1, SeekOrigin.Current);
                continue;
            }

            stream.Seek(size + (size & 1), SeekOrigin.Current);
        }

        return (Title, Artist);
    }

    private static (WavEncoding, int, int, int) ParseFormat(ReadOnlySpan<byte> fmt)
    {
        if (fmt.Length < 16)
        {
            throw new AudioFormatException("corrupt WAV file: fmt chunk shorter than 16 bytes");
        }

        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (tag == FormatExtensible)
        {
            if (fmt.Length < 40)
            {
                throw new AudioFormatException("corrupt WAV file: WAVE_FORMAT_EXTENSIBLE fmt chunk shorter than 40 bytes");
            }

            // The sub-format GUID starts with the plain format tag.
            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }

        var encoding = tag switch
        {
            FormatPcm when bits is 8 or 16 or 24 or 32 => WavEncoding.Pcm,
            FormatFloat when bits is 32 or 64 => WavEncoding.Float,
            FormatPcm or FormatFloat => throw new AudioFormatException($"unsupported WAV sample size: {bits}-bit {(tag == FormatPcm ? "PCM" : "float")}"),
            _ => throw new AudioFormatException($"unsupported WAV encoding 0x{tag:X4}"),
        };
        if (channels < 1 || rate is < 1000 or > 768_000)
        {
            throw new AudioFormatException($"corrupt WAV file: {channels} channels at {rate} Hz");
        }

        return (encoding, channels, rate, bits);
    }

    private static (string? Title, string? Artist) ParseInfo(ReadOnlySpan<byte> list)
    {
        string? title = null;
        string? artist = null;
        while (list.Length >= 8)
        {
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(list[4..]), (uint)(list.Length - 8));
            var text = System.Text.Encoding.UTF8.GetString(list.Slice(8, size)).TrimEnd('\0', ' ');
            if (list[..4].SequenceEqual("INAM"u8))
            {
                title = text;
            }
            else if (list[..4].SequenceEqual("IART"u8))
            {
                artist = text;
            }

            list = list[Math.Min(list.Length, 8 + size + (size & 1))..];
        }

        return (title, artist);
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string what)
    {
        if (ReadSome(stream, buffer) < buffer.Length)
        {
            throw new AudioFormatException($"truncated WAV file: the {what} is cut short");
        }
    }

    private static int ReadSome(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
