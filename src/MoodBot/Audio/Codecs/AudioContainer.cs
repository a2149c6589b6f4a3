namespace MoodBot.Audio.Codecs;

/// <summary>What the first bytes of a file say it is.</summary>
internal enum AudioContainer
{
    Unknown,
    Wav,
    OggOpus,
    OggVorbis,
    Mp3,
    Flac,
}
