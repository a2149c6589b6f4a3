namespace MoodBot.Audio.Codecs.Ogg;

/// <summary>
/// Reassembles the packets of the first logical stream in an Ogg file from lacing values, across
/// continued pages. Pages of other (multiplexed) streams are skipped; a chained stream after the
/// first end-of-stream is ignored, since MoodBot plays one track per file.
/// </summary>
internal sealed class OggPacketReader
{
    private readonly OggPageReader _pages;
    private readonly byte[] _lacing = new byte[255];
    private readonly byte[] _body = new byte[255 * 255];
    private byte[] _packet = new byte[8192];
    private int _packetLength;
    private int _lacingCount;
    private int _segment;
    private int _bodyPosition;
    private long _pageGranule;
    private bool _pageIsEnd;
    private long _pageOffset;
    private uint? _serial;
    private uint _sequence;
    private bool _ended;

    public OggPacketReader(Stream stream) => _pages = new OggPageReader(stream);

    public uint Serial => _serial ?? 0;

    /// <summary>True when the last packet returned is the final one of the stream (EOS page).</summary>
    public bool IsLastPacket { get; private set; }

    /// <summary>The stream's final granule while returning packets of the end-of-stream page; else -1.</summary>
    public long EndGranule => _pageIsEnd ? _pageGranule : -1;

    /// <summary>Byte offset of the page the last packet ended on, for error messages.</summary>
    public long PageOffset => _pageOffset;

    /// <summary>Returns the next packet, a view valid until the next call; false at the end of the stream.</summary>
    public bool TryReadPacket(out ReadOnlySpan<byte> packet)
    {
        packet = default;
        while (true)
        {
            if (_segment < _lacingCount)
            {
                int lace = _lacing[_segment++];
                Append(_body.AsSpan(_bodyPosition, lace));
                _bodyPosition += lace;
                if (lace < 255)
                {
                    var lastOnPage = _lacing.AsSpan(_segment, _lacingCount - _segment).IndexOfAnyExcept((byte)255) < 0;
                    IsLastPacket = lastOnPage && _pageIsEnd;
                    packet = _packet.AsSpan(0, _packetLength);
                    _packetLength = 0;
                    return true;
                }

                continue;
            }

            if (!NextPage())
            {
                if (_packetLength > 0)
                {
                    throw new AudioFormatException($"truncated Ogg stream: the packet on the page at byte {_pageOffset} continues past the end of the file");
                }

                return false;
            }
        }
    }

    private bool NextPage()
    {
        if (_ended)
        {
            return false;
        }

        OggPage page;
        do
        {
            if (!_pages.TryReadPage(out page))
            {
                return false;
            }
        }
        while (_serial is { } serial && page.Serial != serial);

        if (_serial is null)
        {
            if (!page.IsBeginOfStream)
            {
                throw new AudioFormatException($"corrupt Ogg stream: the first page (byte {page.Offset}) is not a beginning-of-stream page");
            }

            _serial = page.Serial;
        }
        else if (page.Sequence != _sequence + 1)
        {
            throw new AudioFormatException($"corrupt Ogg stream: page {_sequence + 1} missing before byte {page.Offset}");
        }

        if (page.IsContinued != (_packetLength > 0))
        {
            throw new AudioFormatException($"corrupt Ogg stream: continuation flag wrong on the page at byte {page.Offset}");
        }

        _sequence = page.Sequence;
        _pageOffset = page.Offset;
        _pageGranule = page.Granule;
        _pageIsEnd = page.IsEndOfStream;
        _ended = page.IsEndOfStream;
        page.Lacing.CopyTo(_lacing);
        page.Body.CopyTo(_body);
        _lacingCount = page.Lacing.Length;
        _segment = 0;
        _bodyPosition = 0;
        return true;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_packetLength + bytes.Length > _packet.Length)
        {
            // Only header packets with cover art get this big; audio packets never do.
            Array.Resize(ref _packet, Math.Max(_packet.Length * 2, _packetLength + bytes.Length));
        }

        bytes.CopyTo(_packet.AsSpan(_packetLength));
        _packetLength += bytes.Length;
    }
}
