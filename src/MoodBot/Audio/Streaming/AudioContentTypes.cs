namespace MoodBot.Audio.Streaming;

internal static class AudioContentTypes
{
    public const string OggOpus = "audio/ogg; codecs=opus";

    public static string ForFile(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".ogg" => "audio/ogg",
        ".opus" => OggOpus,
        ".mp3" => "audio/mpeg",
        ".wav" => "audio/wav",
        ".flac" => "audio/flac",
        _ => "application/octet-stream",
    };
}
