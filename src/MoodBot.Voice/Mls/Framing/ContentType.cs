namespace MoodBot.Voice.Mls.Framing;

/// <summary>ContentType (RFC 9420 section 6).</summary>
public enum ContentType : byte
{
    Application = 1,
    Proposal = 2,
    Commit = 3,
}
