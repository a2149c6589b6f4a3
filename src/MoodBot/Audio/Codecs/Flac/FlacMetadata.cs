using System.Buffers.Binary;
using MoodBot.Audio.Codecs.Tags;

namespace MoodBot.Audio.Codecs.Flac;

/// <summary>
/// Reads FLAC metadata blocks: STREAMINFO for the length, VORBIS_COMMENT for title and artist.
/// Audio frames are never touched, which is all the catalogue needs.
/// </summary>
internal static class FlacMetadata
{
    private const int StreamInfo = 0;
    private const int VorbisComment = 4;

    public static AudioTags Read(Stream stream)
    {
        Span<byte> header = stackalloc byte[4];
        ReadExactly(stream, header);
        if (!header.SequenceEqual("fLaC"u8))
        {
            throw new AudioFormatException("not a FLAC file: no fLaC marker");
        }

        TimeSpan? duration = null;
        string? title = null;
        string? artist = null;
        bool last;
        do
        {
            ReadExactly(stream, header);
            last = (header[0] & 0x80) != 0;
            var type = header[0] & 0x7F;
            var length = (header[1] << 16) | (header[2] << 8) | header[3];
            if (type is StreamInfo or VorbisComment)
            {
                var block = new byte[length];
                ReadExactly(stream, block);
                if (type == StreamInfo)
                {
                    duration = ParseStreamInfo(block);
                }
                else
                {
                    (title, artist) = VorbisComments.Parse(block, "FLAC VORBIS_COMMENT block");
                }
            }
            else if (stream.CanSeek)
            {
                stream.Seek(length, SeekOrigin.Current);
            }
            else
            {
                ReadExactly(stream, new byte[length]);
            }
        }
        while (!last);

        return new AudioTags(title, artist, duration);
    }

    private static TimeSpan? ParseStreamInfo(ReadOnlySpan<byte> block)
    {
        if (block.Length < 34)
        {
            throw new AudioFormatException("corrupt FLAC file: STREAMINFO shorter than 34 bytes");
        }

        // Bytes 10..17: 20-bit rate, 3-bit channels-1, 5-bit bits-1, 36-bit total samples.
        var packed = BinaryPrimitives.ReadUInt64BigEndian(block[10..]);
        var rate = (int)(packed >> 44);
        var total = (long)(packed & 0xF_FFFF_FFFFUL);
        return rate == 0 || total == 0 ? null : TimeSpan.FromSeconds((double)total / rate);
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer)
    {
        if (stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) < buffer.Length)
        {
            throw new AudioFormatException("truncated FLAC file: a metadata block is cut short");
        }
    }
}
