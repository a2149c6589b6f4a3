namespace MoodBot.Audio.Codecs.Opus.Native;

/// <summary>A negative libopus return code, with libopus's own words for it.</summary>
public sealed class LibOpusException : Exception
{
    public LibOpusException()
    {
    }

    public LibOpusException(string message)
        : base(message)
    {
    }

    public LibOpusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LibOpusException(string operation, int error)
        : base($"libopus {operation} failed: {LibOpus.StrError(error)} ({error})")
    {
        Error = error;
    }

    /// <summary>The OPUS_* error code, e.g. -1 for OPUS_BAD_ARG; 0 when not from libopus.</summary>
    public int Error { get; }
}
