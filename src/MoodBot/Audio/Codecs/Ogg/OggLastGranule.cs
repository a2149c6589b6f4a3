using System.Buffers.Binary;

namespace MoodBot.Audio.Codecs.Ogg;

/// <summary>
/// Finds the granule of the last page of a seekable Ogg stream, which is how Ogg files give their
/// length. Only the tail is read; the stream position is restored. A file whose last whole page
/// does not end the file was cut short (or has junk appended) and is reported as truncated.
/// </summary>
internal static class OggLastGranule
{
    private const int TailBytes = OggPageReader.MaxPageSize + OggPageReader.HeaderSize;

    public static long? Find(Stream stream, uint serial)
    {
        if (!stream.CanSeek)
        {
            return null;
        }

        var saved = stream.Position;
        try
        {
            var start = Math.Max(0, stream.Length - TailBytes);
            var tail = new byte[stream.Length - start];
            stream.Position = start;
            stream.ReadExactly(tail);
            long? lastPageEnd = null;
            for (var i = tail.Length - OggPageReader.HeaderSize; i >= 0; i--)
            {
                var length = WholePageLength(tail.AsSpan(i));
                if (length == 0)
                {
                    continue;
                }

                lastPageEnd ??= start + i + length;
                if (lastPageEnd != stream.Length)
                {
                    throw new AudioFormatException($"truncated Ogg page at byte {lastPageEnd}: the file ends inside it");
                }

                var page = tail.AsSpan(i);
                var granule = BinaryPrimitives.ReadInt64LittleEndian(page[6..]);
                if (granule >= 0 && BinaryPrimitives.ReadUInt32LittleEndian(page[14..]) == serial)
                {
                    return granule;
                }
            }

            return null;
        }
        finally
        {
            stream.Position = saved;
        }
    }

    /// <summary>Length of a complete page with a valid CRC starting here, else 0.</summary>
    private static int WholePageLength(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < OggPageReader.HeaderSize || !bytes.StartsWith("OggS"u8) || bytes[4] != 0)
        {
            return 0;
        }

        int segments = bytes[26];
        if (bytes.Length < OggPageReader.HeaderSize + segments)
        {
            return 0;
        }

        var length = OggPageReader.HeaderSize + segments;
        foreach (var lace in bytes.Slice(OggPageReader.HeaderSize, segments))
        {
            length += lace;
        }

        if (bytes.Length < length)
        {
            return 0;
        }

        var page = bytes[..length];
        var crc = OggCrc32.ComputePage(page);
        return crc == BinaryPrimitives.ReadUInt32LittleEndian(page[22..]) ? length : 0;
    }
}
