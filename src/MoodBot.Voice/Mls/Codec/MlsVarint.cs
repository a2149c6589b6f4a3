using System.Buffers.Binary;

namespace MoodBot.Voice.Mls.Codec;

/// <summary>The variable-length integer that prefixes MLS vectors (RFC 9420 section 2.1.2): the top
/// two bits of the first byte give the length (00: 1 byte, 01: 2, 10: 4), the rest is the value.
/// The prefix 11 is invalid, and a value must use the shortest encoding that holds it.</summary>
public static class MlsVarint
{
    public const uint MaxValue = (1u << 30) - 1;

    public static int EncodedLength(uint value) => value switch
    {
        < 1u << 6 => 1,
        < 1u << 14 => 2,
        <= MaxValue => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(value), "An MLS varint holds at most 2^30 - 1."),
    };

    /// <summary>Writes <paramref name="value"/> and returns the number of bytes written.</summary>
    public static int Write(Span<byte> destination, uint value)
    {
        var length = EncodedLength(value);
        switch (length)
        {
            case 1:
                destination[0] = (byte)value;
                break;
            case 2:
                BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(0x4000 | value));
                break;
            default:
                BinaryPrimitives.WriteUInt32BigEndian(destination, 0x8000_0000u | value);
                break;
        }

        return length;
    }

    /// <summary>Reads a varint, returning false (and nothing consumed) on a truncated, reserved or non-minimal header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out uint value, out int consumed)
    {
        value = 0;
        consumed = 0;
        if (source.IsEmpty)
        {
            return false;
        }

        var length = 1 << (source[0] >> 6);
        if (length == 8 || source.Length < length)
        {
            return false;
        }

        uint v = (uint)(source[0] & 0x3F);
        for (var i = 1; i < length; i++)
        {
            v = (v << 8) | source[i];
        }

        // Section 2.1.2: "the encoded value MUST use the smallest number of bytes possible".
        if (EncodedLength(v) != length)
        {
            return false;
        }

        value = v;
        consumed = length;
        return true;
    }
}
