namespace MoodBot.Audio.Codecs.Flac;

/// <summary>The STREAMINFO block: what every frame is decoded against.</summary>
internal sealed record FlacStreamInfo(int MaxBlockSize, int SampleRate, int Channels, int BitsPerSample, long TotalSamples)
{
    /// <summary>Reads "fLaC" and the metadata blocks, leaving the reader at the first frame.</summary>
    public static FlacStreamInfo Read(FlacBitReader bits)
    {
        if (bits.ReadBits(32) != 0x664C6143)
        {
            throw new AudioFormatException("not a FLAC file: no fLaC marker");
        }

        FlacStreamInfo? info = null;
        bool last;
        do
        {
            last = bits.ReadBits(1) == 1;
            var type = bits.ReadBits(7);
            var length = (int)bits.ReadBits(24);
            if (type == 0)
            {
                if (length < 34)
                {
                    throw new AudioFormatException("corrupt FLAC file: STREAMINFO shorter than 34 bytes");
                }

                bits.ReadBits(16);
                var maxBlock = (int)bits.ReadBits(16);
                bits.ReadBits(24);
                bits.ReadBits(24);
                var rate = (int)bits.ReadBits(20);
                var channels = (int)bits.ReadBits(3) + 1;
                var bps = (int)bits.ReadBits(5) + 1;
                var total = ((long)bits.ReadBits(4) << 32) | bits.ReadBits(32);
                for (var i = 18; i < length; i++)
                {
                    bits.ReadBits(8);
                }

                if (rate == 0 || maxBlock < 16 || bps < 4)
                {
                    throw new AudioFormatException($"corrupt FLAC file: STREAMINFO says {rate} Hz, {bps}-bit, blocks up to {maxBlock}");
                }

                info = new FlacStreamInfo(maxBlock, rate, channels, bps, total);
            }
            else
            {
                for (var i = 0; i < length; i++)
                {
                    bits.ReadBits(8);
                }
            }
        }
        while (!last);

        return info ?? throw new AudioFormatException("corrupt FLAC file: no STREAMINFO block");
    }
}
