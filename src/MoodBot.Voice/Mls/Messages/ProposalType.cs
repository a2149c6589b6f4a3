namespace MoodBot.Voice.Mls.Messages;

/// <summary>ProposalType (RFC 9420 section 12.1).</summary>
public enum ProposalType : ushort
{
    Add = 1,
    Update = 2,
    Remove = 3,
    PreSharedKey = 4,
    ReInit = 5,
    ExternalInit = 6,
    GroupContextExtensions = 7,
}
