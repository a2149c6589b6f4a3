using System.Buffers.Binary;

namespace MoodBot.Audio.Codecs.Ogg;

/// <summary>
/// Finds the granule of the last page of a seekable Ogg stream, which is how Ogg files give their
/// length. Only the tail is read; the stream position is restored.
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
            for (var i = tail.Length - OggPageReader.HeaderSize; i >= 0; i--)
            {
                var header = tail.AsSpan(i);
                if (header.StartsWith("OggS"u8) && header[4] == 0 && BinaryPrimitives.ReadUInt32LittleEndian(header[14..]) == serial)
                {
                    var granule = BinaryPrimitives.ReadInt64LittleEndian(header[6..]);
                    if (granule >= 0)
                    {
                        return granule;
                    }
                }
            }

            return null;
        }
        finally
        {
            stream.Position = saved;
        }
    }
}
