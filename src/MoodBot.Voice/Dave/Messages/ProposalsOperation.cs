namespace MoodBot.Voice.Dave.Messages;

/// <summary>What an op 27 asks: add proposals to the cache, or take some back.</summary>
public enum ProposalsOperation : byte
{
    Append = 0,
    Revoke = 1,
}
