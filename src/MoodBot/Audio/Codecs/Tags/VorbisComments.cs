using System.Buffers.Binary;
using System.Text;

namespace MoodBot.Audio.Codecs.Tags;

/// <summary>
/// The Vorbis comment layout shared by OpusTags (after its magic) and FLAC's VORBIS_COMMENT block:
/// a vendor string then NAME=value pairs, lengths little-endian, text UTF-8.
/// </summary>
internal static class VorbisComments
{
    public static (string? Title, string? Artist) Parse(ReadOnlySpan<byte> data, string what)
    {
        try
        {
            var vendorLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(data));
            var rest = data[(4 + vendorLength)..];
            var count = BinaryPrimitives.ReadUInt32LittleEndian(rest);
            rest = rest[4..];
            string? title = null;
            string? artist = null;
            for (var i = 0u; i < count; i++)
            {
                var length = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(rest));
                var comment = Encoding.UTF8.GetString(rest.Slice(4, length));
                rest = rest[(4 + length)..];
                var eq = comment.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    continue;
                }

                var name = comment[..eq];
                if (title is null && name.Equals("TITLE", StringComparison.OrdinalIgnoreCase))
                {
                    title = comment[(eq + 1)..];
                }
                else if (artist is null && name.Equals("ARTIST", StringComparison.OrdinalIgnoreCase))
                {
                    artist = comment[(eq + 1)..];
                }
            }

            return (title, artist);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw new AudioFormatException($"corrupt {what}: a comment length runs past the end of the block", e);
        }
    }

    /// <summary>Writes vendor and comments; returns bytes written, or -1 when it would not fit.</summary>
    public static int Write(Span<byte> destination, string vendor, IReadOnlyList<string> comments)
    {
        var total = 8 + Encoding.UTF8.GetByteCount(vendor);
        foreach (var comment in comments)
        {
            total += 4 + Encoding.UTF8.GetByteCount(comment);
        }

        if (total > destination.Length)
        {
            return -1;
        }

        var position = WriteString(destination, vendor);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[position..], (uint)comments.Count);
        position += 4;
        foreach (var comment in comments)
        {
            position += WriteString(destination[position..], comment);
        }

        return position;
    }

    private static int WriteString(Span<byte> destination, string value)
    {
        var length = Encoding.UTF8.GetBytes(value, destination[4..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)length);
        return 4 + length;
    }
}
