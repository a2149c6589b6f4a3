namespace MoodBot.Audio.Codecs.Ogg;

/// <summary>
/// One page as read, viewing the reader's buffers: valid only until the next page is read, which
/// is what keeps the reader allocation-free.
/// </summary>
internal readonly ref struct OggPage
{
    public OggPage(long offset, byte headerType, long granule, uint serial, uint sequence, ReadOnlySpan<byte> lacing, ReadOnlySpan<byte> body)
    {
        Offset = offset;
        HeaderType = headerType;
        Granule = granule;
        Serial = serial;
        Sequence = sequence;
        Lacing = lacing;
        Body = body;
    }

    public const byte Continued = 0x01;

    public const byte BeginOfStream = 0x02;

    public const byte EndOfStream = 0x04;

    /// <summary>Byte offset of the page in the stream, for error messages.</summary>
    public long Offset { get; }

    public byte HeaderType { get; }

    /// <summary>-1 when no packet ends on this page.</summary>
    public long Granule { get; }

    public uint Serial { get; }

    public uint Sequence { get; }

    public ReadOnlySpan<byte> Lacing { get; }

    public ReadOnlySpan<byte> Body { get; }

    public bool IsContinued => (HeaderType & Continued) != 0;

    public bool IsBeginOfStream => (HeaderType & BeginOfStream) != 0;

    public bool IsEndOfStream => (HeaderType & EndOfStream) != 0;
}
