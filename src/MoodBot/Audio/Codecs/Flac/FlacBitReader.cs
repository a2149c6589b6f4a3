namespace MoodBot.Audio.Codecs.Flac;

/// <summary>
/// MSB-first bit reader over a stream, refilled block by block so a long FLAC file streams
/// through a fixed buffer. Running out of bytes mid-frame is a truncated file.
/// </summary>
internal sealed class FlacBitReader
{
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _length;
    private int _position;
    private ulong _bits;
    private int _bitCount;
    private long _consumedBefore;

    public FlacBitReader(Stream stream) => _stream = stream;

    /// <summary>Byte offset in the stream of the next whole byte, for error messages.</summary>
    public long ByteOffset => _consumedBefore + _position - (_bitCount / 8);

    public bool IsByteAligned => _bitCount % 8 == 0;

    /// <summary>True when no bits are left at all (a clean end between frames).</summary>
    public bool AtEnd => _bitCount == 0 && !Fill(1);

    public uint ReadBits(int count)
    {
        if (count == 0)
        {
            return 0;
        }

        if (_bitCount < count && !Fill(count))
        {
            throw new AudioFormatException($"truncated FLAC frame at byte {ByteOffset}");
        }

        _bitCount -= count;
        return (uint)((_bits >> _bitCount) & ((1UL << count) - 1));
    }

    public int ReadSigned(int count)
    {
        if (count == 0)
        {
            return 0;
        }

        var value = ReadBits(count);
        var shift = 32 - count;
        return (int)(value << shift) >> shift;
    }

    /// <summary>Counts zero bits up to the next one bit (the Rice quotient), consuming both.</summary>
    public int ReadUnary()
    {
        var count = 0;
        while (true)
        {
            if (_bitCount == 0 && !Fill(1))
            {
                throw new AudioFormatException($"truncated FLAC frame at byte {ByteOffset}");
            }

            var window = _bits & ((1UL << _bitCount) - 1);
            if (window == 0)
            {
                count += _bitCount;
                _bitCount = 0;
                continue;
            }

            var leading = 63 - System.Numerics.BitOperations.Log2(window);
            var zeros = leading - (64 - _bitCount);
            count += zeros;
            _bitCount -= zeros + 1;
            return count;
        }
    }

    public void AlignToByte() => _bitCount -= _bitCount % 8;

    private bool Fill(int needed)
    {
        while (_bitCount < needed)
        {
            if (_bitCount > 56)
            {
                return true;
            }

            if (_position == _length)
            {
                _consumedBefore += _length;
                _length = _stream.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_length == 0)
                {
                    return false;
                }
            }

            _bits = (_bits << 8) | _buffer[_position++];
            _bitCount += 8;
        }

        return true;
    }
}
