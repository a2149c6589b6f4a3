using System.Buffers.Binary;
using MoodBot.Voice.Mls.Group;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Dave.Session;

/// <summary>DAVE identities: a member's basic credential holds its Discord user id as 8 bytes big-endian
/// (Discord reference README, "DAVE v1"; whitepaper "MLS Parameters").</summary>
internal static class DaveUserIds
{
    public static byte[] ToIdentity(ulong userId)
    {
        var identity = new byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64BigEndian(identity, userId);
        return identity;
    }

    public static ulong FromCredential(Credential credential) =>
        credential.Type == CredentialType.Basic && credential.Identity.Length == sizeof(ulong)
            ? BinaryPrimitives.ReadUInt64BigEndian(credential.Identity)
            : throw new DaveRuleException("A credential is not a basic credential holding an 8-byte user id.");

    /// <summary>The user ids of the group's members; a tree with two leaves for one user is refused,
    /// as a second leaf could receive that user's media keys.</summary>
    public static HashSet<ulong> Roster(MlsGroup group)
    {
        var roster = new HashSet<ulong>();
        for (var leaf = 0u; leaf < group.Tree.LeafCount; leaf++)
        {
            if (group.Tree.Leaf(leaf) is { } node && !roster.Add(FromCredential(node.Credential)))
            {
                throw new DaveRuleException($"Two leaves hold user {FromCredential(node.Credential)}.");
            }
        }

        return roster;
    }
}
