using MoodBot.Audio.Codecs.Flac;
using MoodBot.Audio.Codecs.Mp3;
using MoodBot.Audio.Codecs.Opus;
using MoodBot.Audio.Codecs.Tags;
using MoodBot.Audio.Codecs.Vorbis;
using MoodBot.Audio.Codecs.Wav;

namespace MoodBot.Audio.Codecs;

/// <summary>
/// What the catalogue shows for a file: title, artist and length, each null when the file does not
/// say. Read from headers and tags only, so scanning a large folder does not decode audio.
/// </summary>
internal sealed record AudioTags(string? Title, string? Artist, TimeSpan? Duration)
{
    public static AudioTags Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads a seekable stream from its start; the caller keeps ownership.</summary>
    public static AudioTags Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            throw new ArgumentException("tags are read from a seekable stream (a file)", nameof(stream));
        }

        var (container, _) = AudioDecoder.Sniff(stream);
        try
        {
            return container switch
            {
                AudioContainer.Wav => FromWav(stream),
                AudioContainer.Mp3 => FromMp3(stream),
                AudioContainer.OggVorbis => FromVorbis(stream),
                AudioContainer.OggOpus => FromOpus(stream),
                AudioContainer.Flac => FlacMetadata.Read(stream),
                _ => throw new AudioFormatException(AudioDecoder.NotAudio),
            };
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or IndexOutOfRangeException or OverflowException or InvalidDataException)
        {
            // Header parsers index into what the file claims; a lying length lands here.
            throw new AudioFormatException($"corrupt {container} file: {e.Message}", e);
        }
    }

    private static AudioTags FromWav(Stream stream)
    {
        var header = WavHeader.Read(stream);
        var bytes = header.DataLength ?? (stream.Length - stream.Position);
        bytes = Math.Min(bytes, stream.Length - stream.Position);
        var (title, artist) = header.Title is null || header.Artist is null ? header.ReadTrailingInfo(stream) : (header.Title, header.Artist);
        return new AudioTags(title, artist, TimeSpan.FromSeconds((double)(bytes / header.BlockAlign) / header.SampleRate));
    }

    private static AudioTags FromMp3(Stream stream)
    {
        var start = new byte[Id3v2Tag.HeaderSize];
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        var size = Id3v2Tag.SizeFromHeader(start.AsSpan(0, read));
        Id3v2Tag? tag = null;
        if (size > 0)
        {
            var bytes = new byte[(int)Math.Min(size, stream.Length)];
            stream.Position = 0;
            stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            tag = Id3v2Tag.Parse(bytes);
        }

        var length = Mp3Duration.Read(stream, size) ?? throw new AudioFormatException("corrupt MP3 file: no MPEG audio frame found");
        return new AudioTags(tag?.Title, tag?.Artist, length.Duration);
    }

    private static AudioTags FromVorbis(Stream stream)
    {
        using var reader = new VorbisReader(stream, leaveOpen: true);
        return new AudioTags(reader.Title, reader.Artist, reader.TotalFrames is { } frames ? TimeSpan.FromSeconds((double)frames / reader.SampleRate) : null);
    }

    private static AudioTags FromOpus(Stream stream)
    {
        using var reader = new OggOpusReader(stream, leaveOpen: true);
        var (title, artist) = VorbisComments.Parse(reader.Tags, "OpusTags header");
        return new AudioTags(title, artist, reader.TotalFrames is { } frames ? TimeSpan.FromSeconds((double)frames / AudioFormat.SampleRate) : null);
    }
}
