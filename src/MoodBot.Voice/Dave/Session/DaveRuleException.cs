namespace MoodBot.Voice.Dave.Session;

/// <summary>A message that is valid MLS but breaks one of DAVE's own rules (a proposal not from the
/// gateway, an Add for a user not in the call, a proposal by value, duplicate user ids).</summary>
public sealed class DaveRuleException : Exception
{
    public DaveRuleException()
    {
    }

    public DaveRuleException(string message)
        : base(message)
    {
    }

    public DaveRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
