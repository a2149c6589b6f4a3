namespace MoodBot.Voice.Dave.Frames;

/// <summary>Unsigned LEB128, as the DAVE frame footer writes the truncated nonce (and unencrypted
/// ranges): seven bits a byte, least significant group first, the high bit set on all bytes but the last.</summary>
public static class Leb128
{
    /// <summary>The most bytes a 64-bit value takes.</summary>
    public const int MaxLength = 10;

    public static int Size(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    public static int Write(ulong value, Span<byte> destination)
    {
        var size = 0;
        while (value >= 0x80)
        {
            destination[size++] = (byte)(0x80 | (value & 0x7F));
            value >>= 7;
        }

        destination[size++] = (byte)value;
        return size;
    }

    /// <summary>Reads one value from the start of <paramref name="source"/>; false when it runs past
    /// the end or does not fit 64 bits.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out ulong value, out int consumed)
    {
        value = 0;
        for (var i = 0; i < source.Length && i < MaxLength; i++)
        {
            var b = source[i];
            var bits = (ulong)(b & 0x7F);
            if (i == MaxLength - 1 && bits > 1)
            {
                break;
            }

            value |= bits << (7 * i);
            if ((b & 0x80) == 0)
            {
                consumed = i + 1;
                return true;
            }
        }

        value = 0;
        consumed = 0;
        return false;
    }
}
