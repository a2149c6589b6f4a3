namespace MoodBot.Voice.Mls.Tree;

/// <summary>What a receiver learns from an UpdatePath: the path secret of the lowest node of the
/// committer's filtered direct path above it, and the commit secret at the top of the chain.</summary>
public sealed record DecappedPath(uint Node, byte[] PathSecret, byte[] CommitSecret);
