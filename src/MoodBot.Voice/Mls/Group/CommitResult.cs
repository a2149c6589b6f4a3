namespace MoodBot.Voice.Mls.Group;

/// <summary>What committing produces (RFC 9420 section 12.4): the Commit as an MLSMessage holding a
/// PublicMessage, and, when it adds members, the Welcome as an MLSMessage. DAVE sends both in opcode 28.</summary>
public sealed record CommitResult(byte[] Commit, byte[]? Welcome);
