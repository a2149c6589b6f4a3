namespace MoodBot.Audio.Codecs.Ogg;

/// <summary>
/// The Ogg page checksum (RFC 3533 section 6): CRC-32 with polynomial 0x04C11DB7, MSB first,
/// initial value 0 and no final XOR. This is not the zlib CRC-32 (reflected, inverted), so
/// System.IO.Hashing could not be used even if it were referenced.
/// </summary>
internal static class OggCrc32
{
    private const uint Polynomial = 0x04C11DB7;

    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data) => Update(0, data);

    /// <summary>The CRC of a whole page, computed as if its CRC field (bytes 22-25) were zero.</summary>
    public static uint ComputePage(ReadOnlySpan<byte> page) => Update(Update(Compute(page[..22]), [0, 0, 0, 0]), page[26..]);

    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = (crc << 8) ^ Table[(crc >> 24) ^ b];
        }

        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var r = i << 24;
            for (var bit = 0; bit < 8; bit++)
            {
                r = (r & 0x80000000) != 0 ? (r << 1) ^ Polynomial : r << 1;
            }

            table[i] = r;
        }

        return table;
    }
}
