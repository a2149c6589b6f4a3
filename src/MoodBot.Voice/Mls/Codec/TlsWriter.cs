using System.Buffers;
using System.Buffers.Binary;

namespace MoodBot.Voice.Mls.Codec;

/// <summary>Writes TLS presentation language with MLS varint-prefixed vectors into a growing buffer.</summary>
public sealed class TlsWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    public TlsWriter(int initialCapacity = 256) => _buffer = new ArrayBufferWriter<byte>(initialCapacity);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public int Length => _buffer.WrittenCount;

    public TlsWriter WriteUInt8(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
        return this;
    }

    public TlsWriter WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.GetSpan(2), value);
        _buffer.Advance(2);
        return this;
    }

    public TlsWriter WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
        return this;
    }

    public TlsWriter WriteUInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
        return this;
    }

    public TlsWriter WriteVarint(uint value)
    {
        _buffer.Advance(MlsVarint.Write(_buffer.GetSpan(4), value));
        return this;
    }

    /// <summary>opaque data&lt;V&gt;: the varint length, then the bytes.</summary>
    public TlsWriter WriteOpaque(ReadOnlySpan<byte> value)
    {
        WriteVarint(checked((uint)value.Length));
        return WriteBytes(value);
    }

    /// <summary>Raw bytes with no length prefix (fixed-size fields, or an already-encoded structure).</summary>
    public TlsWriter WriteBytes(ReadOnlySpan<byte> value)
    {
        _buffer.Write(value);
        return this;
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
