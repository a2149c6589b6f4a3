namespace MoodBot.Audio.Codecs.Flac;

/// <summary>
/// The two FLAC frame checksums (RFC 9639 section 9.1.8 and 9.3): CRC-8 (polynomial 0x07) over the
/// frame header and CRC-16 (polynomial 0x8005) over the whole frame, both MSB first from zero.
/// </summary>
internal static class FlacCrc
{
    private static readonly byte[] Table8 = BuildTable8();
    private static readonly ushort[] Table16 = BuildTable16();

    public static byte Update8(byte crc, byte value) => Table8[crc ^ value];

    public static ushort Update16(ushort crc, byte value) => (ushort)((crc << 8) ^ Table16[(crc >> 8) ^ value]);

    private static byte[] BuildTable8()
    {
        var table = new byte[256];
        for (var i = 0; i < 256; i++)
        {
            var r = i;
            for (var bit = 0; bit < 8; bit++)
            {
                r = (r & 0x80) != 0 ? (r << 1) ^ 0x07 : r << 1;
            }

            table[i] = (byte)r;
        }

        return table;
    }

    private static ushort[] BuildTable16()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var r = i << 8;
            for (var bit = 0; bit < 8; bit++)
            {
                r = (r & 0x8000) != 0 ? (r << 1) ^ 0x8005 : r << 1;
            }

            table[i] = (ushort)r;
        }

        return table;
    }
}
