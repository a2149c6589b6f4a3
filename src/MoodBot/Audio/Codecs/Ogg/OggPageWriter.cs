using System.Buffers.Binary;

namespace MoodBot.Audio.Codecs.Ogg;

/// <summary>
/// Lays packets out into Ogg pages (RFC 3533) for one logical stream. Finished pages collect in a
/// reused buffer that <see cref="DrainAsync"/> hands to the stream, so packing stays synchronous
/// and allocation-free while the I/O is asynchronous.
/// </summary>
internal sealed class OggPageWriter
{
    private const int MaxSegments = 255;

    private readonly Stream _stream;
    private readonly uint _serial;
    private readonly byte[] _lacing = new byte[MaxSegments];
    private readonly byte[] _body = new byte[MaxSegments * 255];
    private byte[] _pending = new byte[OggPageReader.MaxPageSize * 2];
    private int _pendingLength;
    private int _segments;
    private int _bodyLength;
    private long _granule = -1;
    private uint _sequence;
    private bool _continued;

    public OggPageWriter(Stream stream, uint serial)
    {
        _stream = stream;
        _serial = serial;
    }

    /// <summary>Lacing values already on the page being built.</summary>
    public int SegmentsUsed => _segments;

    /// <summary>Whether the page being built holds anything.</summary>
    public bool HasOpenPage => _segments > 0;

    /// <summary>Lacing values a packet of <paramref name="length"/> bytes needs.</summary>
    public static int SegmentsFor(int length) => (length / 255) + 1;

    /// <summary>
    /// Appends a packet that ends at <paramref name="granule"/>. A packet that does not fit closes
    /// the page and continues on the next, as lacing allows.
    /// </summary>
    public void AddPacket(ReadOnlySpan<byte> packet, long granule)
    {
        var remaining = packet;
        while (true)
        {
            if (_segments == MaxSegments)
            {
                ClosePage(endOfStream: false);
                _continued = true;
            }

            var lace = Math.Min(remaining.Length, 255);
            _lacing[_segments++] = (byte)lace;
            remaining[..lace].CopyTo(_body.AsSpan(_bodyLength));
            _bodyLength += lace;
            remaining = remaining[lace..];
            if (lace < 255)
            {
                _granule = granule;
                return;
            }
        }
    }

    /// <summary>Closes the open page (first page gets BOS). With nothing open, only an EOS page is written.</summary>
    public void ClosePage(bool endOfStream)
    {
        if (_segments == 0 && !endOfStream)
        {
            return;
        }

        var headerLength = OggPageReader.HeaderSize + _segments;
        var pageLength = headerLength + _bodyLength;
        if (_pendingLength + pageLength > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _pendingLength + pageLength));
        }

        var page = _pending.AsSpan(_pendingLength, pageLength);
        "OggS"u8.CopyTo(page);
        page[4] = 0;
        page[5] = (byte)((_continued ? OggPage.Continued : 0) | (_sequence == 0 ? OggPage.BeginOfStream : 0) | (endOfStream ? OggPage.EndOfStream : 0));
        BinaryPrimitives.WriteInt64LittleEndian(page[6..], _granule);
        BinaryPrimitives.WriteUInt32LittleEndian(page[14..], _serial);
        BinaryPrimitives.WriteUInt32LittleEndian(page[18..], _sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(page[22..], 0);
        page[26] = (byte)_segments;
        _lacing.AsSpan(0, _segments).CopyTo(page[OggPageReader.HeaderSize..]);
        _body.AsSpan(0, _bodyLength).CopyTo(page[headerLength..]);
        BinaryPrimitives.WriteUInt32LittleEndian(page[22..], OggCrc32.Compute(page));

        _pendingLength += pageLength;
        _sequence++;
        _segments = 0;
        _bodyLength = 0;
        _granule = -1;
        _continued = false;
    }

    /// <summary>Sets the granule the open page will carry (end trimming on the last page).</summary>
    public void OverrideGranule(long granule) => _granule = granule;

    /// <summary>Writes the closed pages to the stream.</summary>
    public async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        if (_pendingLength == 0)
        {
            return;
        }

        await _stream.WriteAsync(_pending.AsMemory(0, _pendingLength), cancellationToken).ConfigureAwait(false);
        _pendingLength = 0;
    }
}
