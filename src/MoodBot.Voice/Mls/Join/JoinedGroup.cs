using MoodBot.Voice.Mls.KeySchedule;
using MoodBot.Voice.Mls.Messages;
using MoodBot.Voice.Mls.Tree;

namespace MoodBot.Voice.Mls.Join;

/// <summary>The state a new member holds after processing a Welcome: the verified GroupInfo and tree,
/// its own leaf, the epoch's secrets and its private node keys.</summary>
public sealed class JoinedGroup : IDisposable
{
    internal JoinedGroup(GroupInfo groupInfo, RatchetTree tree, uint ownLeaf, EpochSecrets secrets, NodePrivateKeys keys)
    {
        GroupInfo = groupInfo;
        Tree = tree;
        OwnLeaf = ownLeaf;
        Secrets = secrets;
        Keys = keys;
    }

    public GroupInfo GroupInfo { get; }

    public GroupContext GroupContext => GroupInfo.GroupContext;

    public RatchetTree Tree { get; }

    public uint OwnLeaf { get; }

    public EpochSecrets Secrets { get; }

    public NodePrivateKeys Keys { get; }

    public void Dispose()
    {
        Secrets.Dispose();
        Keys.Dispose();
    }
}
