namespace MoodBot.Audio.Codecs.Mp3;

/// <summary>One MPEG audio frame header (ISO 11172-3 / 13818-3), enough to size and time frames.</summary>
internal readonly record struct Mp3FrameHeader(int Version, int Layer, int SampleRate, int Channels, int FrameLength, int SamplesPerFrame)
{
    private static readonly int[] SampleRates = [44100, 48000, 32000];

    // Kbps by [version is MPEG-1 ? 0 : 1][layer - 1][index]; index 0 (free format) and 15 are rejected.
    private static readonly int[][][] Bitrates =
    [
        [
            [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
            [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
            [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
        ],
        [
            [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
            [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
            [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
        ],
    ];

    /// <summary>Bytes between the header and a Xing/Info tag in a layer III frame.</summary>
    public int SideInfoLength => Version == 1 ? (Channels == 1 ? 17 : 32) : (Channels == 1 ? 9 : 17);

    /// <summary>Version is 1 (MPEG-1), 2 (MPEG-2) or 25 (MPEG-2.5).</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out Mp3FrameHeader header)
    {
        header = default;
        if (bytes.Length < 4 || bytes[0] != 0xFF || (bytes[1] & 0xE0) != 0xE0)
        {
            return false;
        }

        var versionBits = (bytes[1] >> 3) & 3;
        var layerBits = (bytes[1] >> 1) & 3;
        var bitrateIndex = bytes[2] >> 4;
        var rateIndex = (bytes[2] >> 2) & 3;
        if (versionBits == 1 || layerBits == 0 || bitrateIndex is 0 or 15 || rateIndex == 3)
        {
            return false;
        }

        var version = versionBits switch { 3 => 1, 2 => 2, _ => 25 };
        var layer = 4 - layerBits;
        var sampleRate = SampleRates[rateIndex] / (version == 1 ? 1 : version == 2 ? 2 : 4);
        var bitrate = Bitrates[version == 1 ? 0 : 1][layer - 1][bitrateIndex] * 1000;
        var padding = (bytes[2] >> 1) & 1;
        var channels = (bytes[3] >> 6) == 3 ? 1 : 2;
        int samples;
        int length;
        if (layer == 1)
        {
            samples = 384;
            length = ((12 * bitrate / sampleRate) + padding) * 4;
        }
        else
        {
            samples = layer == 3 && version != 1 ? 576 : 1152;
            length = (samples / 8 * bitrate / sampleRate) + padding;
        }

        header = new Mp3FrameHeader(version, layer, sampleRate, channels, length, samples);
        return true;
    }
}
