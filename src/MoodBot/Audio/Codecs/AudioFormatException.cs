namespace MoodBot.Audio.Codecs;

/// <summary>
/// An audio file that cannot be decoded: corrupt, truncated or in a format MoodBot does not
/// decode. The message names what is wrong and where, so it can be shown to whoever supplied the file.
/// </summary>
internal sealed class AudioFormatException : Exception
{
    public AudioFormatException()
    {
    }

    public AudioFormatException(string message)
        : base(message)
    {
    }

    public AudioFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
