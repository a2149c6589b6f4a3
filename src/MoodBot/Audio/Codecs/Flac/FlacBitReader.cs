namespace MoodBot.Audio.Codecs.Flac;

/// <summary>
/// MSB-first bit reader over a stream, refilled block by block so a long FLAC file streams
/// through a fixed buffer. Running out of bytes mid-frame is a truncated file. Bytes are pulled
/// into the bit window one at a time, only when needed, so fewer than 8 bits are ever held ahead:
/// at a byte boundary the running CRCs cover exactly the bytes consumed.
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
    private byte _crc8;
    private ushort _crc16;

    public FlacBitReader(Stream stream) => _stream = stream;

    /// <summary>Byte offset in the stream of the next whole byte, for error messages.</summary>
    public long ByteOffset => _consumedBefore + _position - (_bitCount / 8);

    /// <summary>CRC-8 of the bytes consumed since <see cref="ResetCrc"/>.</summary>
    public byte Crc8 => _crc8;

    /// <summary>CRC-16 of the bytes consumed since <see cref="ResetCrc"/>.</summary>
    public ushort Crc16 => _crc16;

    /// <summary>Starts both checksums afresh; call at a byte boundary with nothing held ahead.</summary>
    public void ResetCrc()
    {
        _crc8 = 0;
        _crc16 = 0;
    }

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

            var next = _buffer[_position++];
            _crc8 = FlacCrc.Update8(_crc8, next);
            _crc16 = FlacCrc.Update16(_crc16, next);
            _bits = (_bits << 8) | next;
            _bitCount += 8;
        }

        return true;
    }
}
