namespace MoodBot.Audio.Codecs.Flac;

/// <summary>
/// Decodes native FLAC (RFC 9639) frame by frame: frame header, one subframe per channel, stereo
/// decorrelation, with the header CRC-8 and frame CRC-16 checked so damage is reported, not played.
/// </summary>
internal sealed class FlacReader : IPcmReader
{
    private const uint FrameSync = 0x3FFE;

    private readonly Stream _stream;
    private readonly FlacBitReader _bits;
    private readonly FlacStreamInfo _info;
    private readonly long[][] _channels;
    private readonly float _scale;
    private int _blockSize;
    private int _blockPosition;

    public FlacReader(Stream stream)
    {
        _stream = stream;
        _bits = new FlacBitReader(stream);
        _info = FlacStreamInfo.Read(_bits);
        _channels = new long[_info.Channels][];
        for (var c = 0; c < _channels.Length; c++)
        {
            _channels[c] = new long[_info.MaxBlockSize];
        }

        _scale = 1f / (1L << (_info.BitsPerSample - 1));
    }

    public int SampleRate => _info.SampleRate;

    public int Channels => _info.Channels;

    public long? TotalFrames => _info.TotalSamples > 0 ? _info.TotalSamples : null;

    public int Read(Span<float> buffer)
    {
        var written = 0;
        var frames = buffer.Length / Channels;
        while (written < frames)
        {
            if (_blockPosition == _blockSize)
            {
                if (!DecodeFrame())
                {
                    break;
                }
            }

            var n = Math.Min(frames - written, _blockSize - _blockPosition);
            for (var i = 0; i < n; i++)
            {
                for (var c = 0; c < Channels; c++)
                {
                    buffer[((written + i) * Channels) + c] = _channels[c][_blockPosition + i] * _scale;
                }
            }

            written += n;
            _blockPosition += n;
        }

        return written * Channels;
    }

    public void Dispose() => _stream.Dispose();

    private bool DecodeFrame()
    {
        _bits.ResetCrc();
        if (_bits.AtEnd)
        {
            return false;
        }

        var start = _bits.ByteOffset;
        if (_bits.ReadBits(14) != FrameSync)
        {
            throw new AudioFormatException($"corrupt FLAC file: no frame sync code at byte {start}");
        }

        _bits.ReadBits(2);
        var blockCode = (int)_bits.ReadBits(4);
        var rateCode = (int)_bits.ReadBits(4);
        var assignment = (int)_bits.ReadBits(4);
        var sizeCode = (int)_bits.ReadBits(3);
        _bits.ReadBits(1);
        SkipCodedNumber(start);

        var blockSize = blockCode switch
        {
            0 => throw new AudioFormatException($"corrupt FLAC frame at byte {start}: reserved block size"),
            1 => 192,
            <= 5 => 576 << (blockCode - 2),
            6 => (int)_bits.ReadBits(8) + 1,
            7 => (int)_bits.ReadBits(16) + 1,
            _ => 256 << (blockCode - 8),
        };
        _ = rateCode switch
        {
            12 => _bits.ReadBits(8),
            13 or 14 => _bits.ReadBits(16),
            15 => throw new AudioFormatException($"corrupt FLAC frame at byte {start}: invalid sample rate code"),
            _ => 0u,
        };
        var bitsPerSample = sizeCode switch
        {
            0 => _info.BitsPerSample,
            1 => 8,
            2 => 12,
            4 => 16,
            5 => 20,
            6 => 24,
            7 => 32,
            _ => throw new AudioFormatException($"corrupt FLAC frame at byte {start}: reserved sample size"),
        };
        var channels = assignment <= 7 ? assignment + 1 : assignment <= 10 ? 2 : 0;
        if (channels != Channels || blockSize > _info.MaxBlockSize || bitsPerSample != _info.BitsPerSample)
        {
            throw new AudioFormatException($"corrupt FLAC frame at byte {start}: {channels} channels, {blockSize} samples, {bitsPerSample}-bit does not match STREAMINFO");
        }

        var headerCrc = _bits.Crc8;
        if (_bits.ReadBits(8) != headerCrc)
        {
            throw new AudioFormatException($"corrupt FLAC frame at byte {start}: header CRC-8 mismatch");
        }

        for (var c = 0; c < channels; c++)
        {
            // The side channel of a stereo pair carries one extra bit.
            var side = (assignment == 8 && c == 1) || (assignment == 9 && c == 0) || (assignment == 10 && c == 1);
            FlacSubframeDecoder.Decode(_bits, _channels[c].AsSpan(0, blockSize), bitsPerSample + (side ? 1 : 0));
        }

        _bits.AlignToByte();
        var frameCrc = _bits.Crc16;
        if (_bits.ReadBits(16) != frameCrc)
        {
            throw new AudioFormatException($"corrupt FLAC frame at byte {start}: CRC-16 mismatch");
        }

        Decorrelate(assignment, blockSize);
        _blockSize = blockSize;
        _blockPosition = 0;
        return true;
    }

    private void Decorrelate(int assignment, int blockSize)
    {
        if (assignment < 8)
        {
            return;
        }

        var a = _channels[0].AsSpan(0, blockSize);
        var b = _channels[1].AsSpan(0, blockSize);
        for (var i = 0; i < blockSize; i++)
        {
            switch (assignment)
            {
                case 8:
                    b[i] = a[i] - b[i];
                    break;
                case 9:
                    a[i] += b[i];
                    break;
                default:
                    var mid = (a[i] << 1) | (b[i] & 1);
                    a[i] = (mid + b[i]) >> 1;
                    b[i] = (mid - b[i]) >> 1;
                    break;
            }
        }
    }

    /// <summary>The frame or sample number, UTF-8-style coded; only its length matters here.</summary>
    private void SkipCodedNumber(long start)
    {
        var first = _bits.ReadBits(8);
        var extra = first < 0x80 ? 0 : first >= 0xFE ? 6 : System.Numerics.BitOperations.LeadingZeroCount(~first << 24) - 1;
        if (first is >= 0x80 and < 0xC0 || first == 0xFF)
        {
            throw new AudioFormatException($"corrupt FLAC frame at byte {start}: bad frame number");
        }

        for (var i = 0; i < extra; i++)
        {
            if ((_bits.ReadBits(8) & 0xC0) != 0x80)
            {
                throw new AudioFormatException($"corrupt FLAC frame at byte {start}: bad frame number");
            }
        }
    }
}
