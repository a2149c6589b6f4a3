using System.Buffers.Binary;
using System.Text;

namespace MoodBot.Audio.Codecs.Mp3;

/// <summary>
/// Reads the title (TIT2) and artist (TPE1) text frames of an ID3v2.2/2.3/2.4 tag, in any of the
/// four ID3 text encodings. Everything else in the tag (pictures, lyrics) is skipped by size.
/// </summary>
internal sealed record Id3v2Tag(int TotalSize, string? Title, string? Artist)
{
    public const int HeaderSize = 10;

    /// <summary>Size of the tag including its header, from the first 10 bytes; 0 when there is none.</summary>
    public static int SizeFromHeader(ReadOnlySpan<byte> header) =>
        header.Length >= HeaderSize && header.StartsWith("ID3"u8)
            ? HeaderSize + Syncsafe(header[6..]) + ((header[5] & 0x10) != 0 ? 10 : 0)
            : 0;

    public static Id3v2Tag Parse(ReadOnlySpan<byte> tag)
    {
        var size = SizeFromHeader(tag);
        int version = tag[3];
        var body = tag[HeaderSize..Math.Min(tag.Length, size)];
        if ((tag[5] & 0x40) != 0 && version >= 3 && body.Length >= 4)
        {
            // Extended header: its size is syncsafe and inclusive in 2.4, plain and exclusive in 2.3.
            var extended = version == 4 ? Syncsafe(body) : (int)BinaryPrimitives.ReadUInt32BigEndian(body) + 4;
            body = body[Math.Min(body.Length, extended)..];
        }

        string? title = null;
        string? artist = null;
        var idLength = version == 2 ? 3 : 4;
        var frameHeader = version == 2 ? 6 : 10;
        while (body.Length >= frameHeader && body[0] != 0)
        {
            var id = body[..idLength];
            var frameSize = version switch
            {
                2 => (body[3] << 16) | (body[4] << 8) | body[5],
                3 => (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(body[4..]), int.MaxValue),
                _ => Syncsafe(body[4..]),
            };
            if (frameSize < 0 || frameSize > body.Length - frameHeader)
            {
                break;
            }

            var content = body.Slice(frameHeader, frameSize);
            if (id.SequenceEqual("TIT2"u8) || id.SequenceEqual("TT2"u8))
            {
                title ??= DecodeText(content);
            }
            else if (id.SequenceEqual("TPE1"u8) || id.SequenceEqual("TP1"u8))
            {
                artist ??= DecodeText(content);
            }

            body = body[(frameHeader + frameSize)..];
        }

        return new Id3v2Tag(size, title, artist);
    }

    private static string? DecodeText(ReadOnlySpan<byte> content)
    {
        if (content.Length < 2)
        {
            return null;
        }

        var text = content[0] switch
        {
            0 => Encoding.Latin1.GetString(content[1..]),
            1 => DecodeUtf16WithBom(content[1..]),
            2 => Encoding.BigEndianUnicode.GetString(content[1..]),
            _ => Encoding.UTF8.GetString(content[1..]),
        };

        // Several values are NUL-separated in 2.4; the first is the one to show.
        var end = text.IndexOf('\0', StringComparison.Ordinal);
        text = end >= 0 ? text[..end] : text;
        return text.Length == 0 ? null : text;
    }

    private static string DecodeUtf16WithBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        return Encoding.Unicode.GetString(bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE ? bytes[2..] : bytes);
    }

    private static int Syncsafe(ReadOnlySpan<byte> b) => (b[0] << 21) | (b[1] << 14) | (b[2] << 7) | b[3];
}
