namespace MoodBot.Voice.Dave.Messages;

/// <summary>A DAVE opcode payload that cannot be read: truncated, trailing bytes, an unknown operation,
/// or an MLS message of the wrong kind. The message names the opcode and what was wrong.</summary>
public sealed class DaveMessageException : FormatException
{
    public DaveMessageException()
    {
    }

    public DaveMessageException(string message)
        : base(message)
    {
    }

    public DaveMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
