using MoodBot.Voice.Mls.KeySchedule;
using MoodBot.Voice.Mls.Tree;

namespace MoodBot.Voice.Mls.Group;

/// <summary>Everything that changes from one epoch to the next. A Commit is staged into a new one and
/// swapped in only once every check passed, so a rejected Commit leaves the group as it was.</summary>
internal sealed class EpochState(GroupContext context, RatchetTree tree, EpochSecrets secrets, NodePrivateKeys keys, byte[] interimTranscriptHash) : IDisposable
{
    public GroupContext Context { get; } = context;

    public byte[] EncodedContext { get; } = context.Serialize();

    public RatchetTree Tree { get; } = tree;

    public EpochSecrets Secrets { get; } = secrets;

    public NodePrivateKeys Keys { get; } = keys;

    /// <summary>interim_transcript_hash (section 8.2), the start of the next Commit's confirmed hash.</summary>
    public byte[] InterimTranscriptHash { get; } = interimTranscriptHash;

    public void Dispose()
    {
        Secrets.Dispose();
        Keys.Dispose();
    }
}
