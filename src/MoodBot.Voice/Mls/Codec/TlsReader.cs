using System.Buffers.Binary;

namespace MoodBot.Voice.Mls.Codec;

/// <summary>Reads TLS presentation language (RFC 8446 section 3, with MLS's varint-prefixed vectors,
/// RFC 9420 section 2.1) from a span without copying; opaque values come back as slices of the input.</summary>
public ref struct TlsReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private int _position;

    public TlsReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    public readonly int Position => _position;

    public readonly int Remaining => _buffer.Length - _position;

    public readonly bool IsEmpty => _position == _buffer.Length;

    /// <summary>The bytes read so far, e.g. to hash a prefix of a structure.</summary>
    public readonly ReadOnlySpan<byte> Consumed => _buffer[.._position];

    /// <summary>The bytes read from <paramref name="start"/> up to here, to take an encoded structure whole.</summary>
    public readonly ReadOnlySpan<byte> Since(int start) => _buffer[start.._position];

    public byte ReadUInt8() => Take(1)[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64BigEndian(Take(8));

    public uint ReadVarint()
    {
        if (!MlsVarint.TryRead(_buffer[_position..], out var value, out var consumed))
        {
            throw new TlsDecodeException($"Invalid MLS varint length header at offset {_position}.");
        }

        _position += consumed;
        return value;
    }

    /// <summary>opaque data&lt;V&gt;: a varint length, then that many bytes.</summary>
    public ReadOnlySpan<byte> ReadOpaque() => Take(checked((int)ReadVarint()));

    /// <summary>A vector&lt;V&gt; of structures, as a reader over just its bytes.</summary>
    public TlsReader ReadVector() => new(ReadOpaque());

    /// <summary>optional&lt;T&gt;: a presence byte, 0 or 1.</summary>
    public bool ReadPresence() => ReadUInt8() switch
    {
        0 => false,
        1 => true,
        var b => throw new TlsDecodeException($"Invalid optional presence byte {b} at offset {_position - 1}."),
    };

    public ReadOnlySpan<byte> ReadBytes(int count) => Take(count);

    /// <summary>Throws when bytes are left over: MLS structures have no trailing data.</summary>
    public readonly void EnsureEnd()
    {
        if (!IsEmpty)
        {
            throw new TlsDecodeException($"{Remaining} unexpected bytes after the structure.");
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw new TlsDecodeException($"Needed {count} bytes at offset {_position}, only {Remaining} left.");
        }

        var slice = _buffer.Slice(_position, count);
        _position += count;
        return slice;
    }
}
