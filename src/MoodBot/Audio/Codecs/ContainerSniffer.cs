using MoodBot.Audio.Codecs.Mp3;

namespace MoodBot.Audio.Codecs;

/// <summary>
/// Picks the container from magic bytes, never from the extension: catalogue folders are full of
/// mislabelled files, and a wrong guess would only fail later with a worse message.
/// </summary>
internal static class ContainerSniffer
{
    /// <summary>Enough for an Ogg page header, its segment table and the first packet's magic.</summary>
    public const int HeaderBytes = 512;

    public static AudioContainer Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            return AudioContainer.Wav;
        }

        if (head.Length >= 4 && head[..4].SequenceEqual("fLaC"u8))
        {
            return AudioContainer.Flac;
        }

        if (head.Length >= 27 && head[..4].SequenceEqual("OggS"u8))
        {
            return SniffOgg(head);
        }

        if (head.Length >= 3 && head[..3].SequenceEqual("ID3"u8))
        {
            return AudioContainer.Mp3;
        }

        return Mp3FrameHeader.TryParse(head, out _) ? AudioContainer.Mp3 : AudioContainer.Unknown;
    }

    private static AudioContainer SniffOgg(ReadOnlySpan<byte> head)
    {
        int segments = head[26];
        var body = 27 + segments;
        if (head.Length < body + 8)
        {
            return AudioContainer.Unknown;
        }

        var packet = head[body..];
        if (packet.StartsWith("OpusHead"u8))
        {
            return AudioContainer.OggOpus;
        }

        return packet.Length >= 7 && packet[0] == 1 && packet[1..7].SequenceEqual("vorbis"u8)
            ? AudioContainer.OggVorbis
            : AudioContainer.Unknown;
    }
}
