namespace MoodBot.Discord.Voice;

/// <summary>Joining a voice channel failed; the message is fit to show the person who asked.</summary>
internal sealed class VoiceJoinException : Exception
{
    public VoiceJoinException()
    {
    }

    public VoiceJoinException(string message) : base(message)
    {
    }

    public VoiceJoinException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
