using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Mls.Tree;

/// <summary>What a committer produces (RFC 9420 section 7.5): the UpdatePath to send, the commit secret,
/// and the path secret of each node of its filtered direct path (a Welcome gives a joiner the one
/// at the lowest node above it).</summary>
public sealed record EncappedPath(UpdatePath Path, byte[] CommitSecret, IReadOnlyDictionary<uint, byte[]> PathSecrets);
