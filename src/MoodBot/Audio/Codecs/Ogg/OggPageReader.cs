using System.Buffers.Binary;

namespace MoodBot.Audio.Codecs.Ogg;

/// <summary>
/// Reads Ogg pages (RFC 3533) one after another, checking the capture pattern, version and CRC of
/// each. It does not hunt for the next capture pattern after damage: a file that loses sync is
/// reported as corrupt at that byte, which is more useful to whoever uploaded it than a skip.
/// </summary>
internal sealed class OggPageReader
{
    public const int HeaderSize = 27;

    public const int MaxPageSize = HeaderSize + 255 + (255 * 255);

    private readonly Stream _stream;
    private readonly byte[] _page = new byte[MaxPageSize];
    private long _offset;

    public OggPageReader(Stream stream) => _stream = stream;

    /// <summary>Byte offset of the next page.</summary>
    public long Offset => _offset;

    /// <summary>Reads the next page; false at a clean end of stream (no bytes left).</summary>
    public bool TryReadPage(out OggPage page)
    {
        page = default;
        var start = _offset;
        var got = ReadFully(_page.AsSpan(0, HeaderSize));
        if (got == 0)
        {
            return false;
        }

        if (got < HeaderSize)
        {
            throw new AudioFormatException($"truncated Ogg page at byte {start}: header cut short");
        }

        if (!_page.AsSpan(0, 4).SequenceEqual("OggS"u8))
        {
            throw new AudioFormatException($"corrupt Ogg stream: no OggS capture pattern at byte {start}");
        }

        if (_page[4] != 0)
        {
            throw new AudioFormatException($"unsupported Ogg version {_page[4]} at byte {start}");
        }

        int segments = _page[26];
        if (ReadFully(_page.AsSpan(HeaderSize, segments)) < segments)
        {
            throw new AudioFormatException($"truncated Ogg page at byte {start}: segment table cut short");
        }

        var bodyLength = 0;
        foreach (var lace in _page.AsSpan(HeaderSize, segments))
        {
            bodyLength += lace;
        }

        var headerLength = HeaderSize + segments;
        if (ReadFully(_page.AsSpan(headerLength, bodyLength)) < bodyLength)
        {
            throw new AudioFormatException($"truncated Ogg page at byte {start}: {bodyLength} body bytes expected");
        }

        var whole = _page.AsSpan(0, headerLength + bodyLength);
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(whole[22..]);
        var computed = OggCrc32.ComputePage(whole);
        if (stored != computed)
        {
            throw new AudioFormatException($"corrupt Ogg page at byte {start}: CRC 0x{computed:X8} does not match stored 0x{stored:X8}");
        }

        page = new OggPage(
            start,
            whole[5],
            BinaryPrimitives.ReadInt64LittleEndian(whole[6..]),
            BinaryPrimitives.ReadUInt32LittleEndian(whole[14..]),
            BinaryPrimitives.ReadUInt32LittleEndian(whole[18..]),
            whole.Slice(HeaderSize, segments),
            whole[headerLength..]);
        return true;
    }

    private int ReadFully(Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = _stream.Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        _offset += total;
        return total;
    }
}
