using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Mls.Group;

/// <summary>What applying a Commit's proposals did beyond the tree: the new GroupContext extensions, the
/// leaves the Adds filled (with their KeyPackages, for the Welcome), the PSKs in order, whether the
/// Commit needs a path (RFC 9420 section 12.4) and whether it removes us.</summary>
internal sealed record ProposalEffects(
    Extension[] Extensions,
    IReadOnlyList<(uint Leaf, KeyPackage KeyPackage)> Added,
    PreSharedKeyId[] Psks,
    bool PathRequired,
    bool RemovesOwnLeaf)
{
    public uint[] AddedLeaves => [.. Added.Select(a => a.Leaf)];
}
