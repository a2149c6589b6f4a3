using MoodBot.Voice.Hpke;
using MoodBot.Voice.Mls.KeySchedule;
using MoodBot.Voice.Mls.Messages;
using MoodBot.Voice.Mls.Tree;

namespace MoodBot.Voice.Mls.Join;

/// <summary>Joining a group from a Welcome (RFC 9420 section 12.4.3.1), as a DAVE member does: open the
/// secrets and GroupInfo, take the ratchet tree from the GroupInfo's ratchet_tree extension (or as
/// given out of band), verify the signer, the tree (hash, parent hashes, leaf signatures) and the
/// confirmation tag, find our leaf, and start the epoch from the joiner secret.</summary>
public static class WelcomeJoin
{
    /// <summary>Joins, or throws <see cref="MlsValidationException"/> naming the check that failed.
    /// <paramref name="findPsk"/> returns the value of a PSK the Welcome names, or null when unknown.</summary>
    public static JoinedGroup Join(
        Welcome welcome,
        KeyPackage keyPackage,
        P256KeyPair initKey,
        P256KeyPair leafKey,
        RatchetTree? externalTree,
        Func<PreSharedKeyId, byte[]?> findPsk)
    {
        ArgumentNullException.ThrowIfNull(keyPackage);
        ArgumentNullException.ThrowIfNull(leafKey);
        ArgumentNullException.ThrowIfNull(findPsk);
        var secrets = WelcomeDecryption.DecryptGroupSecrets(welcome, keyPackage, initKey);
        var pskSecret = PskSecret.Derive([.. secrets.Psks.Select(id => (id, findPsk(id) ?? throw new MlsValidationException("The Welcome names a PSK we do not hold.")))]);
        var groupInfo = WelcomeDecryption.DecryptGroupInfo(welcome, secrets.JoinerSecret, pskSecret);
        var context = groupInfo.GroupContext;

        var tree = Extension.Find(groupInfo.Extensions, Extension.RatchetTree) is { } inline
            ? RatchetTree.Decode(inline.Data)
            : externalTree?.Clone() ?? throw new MlsValidationException("The GroupInfo carries no ratchet tree and none was given.");

        var signer = (groupInfo.Signer < tree.LeafCount ? tree.Leaf(groupInfo.Signer) : null)
            ?? throw new MlsValidationException($"The GroupInfo signer {groupInfo.Signer} is not a member.");
        if (!groupInfo.VerifySignature(signer.SignatureKey))
        {
            throw new MlsValidationException("The GroupInfo signature does not verify.");
        }

        VerifyTree(tree, context);
        var ownLeaf = FindOwnLeaf(tree, keyPackage.LeafNode);
        if (!leafKey.PublicKey.AsSpan().SequenceEqual(keyPackage.LeafNode.EncryptionKey))
        {
            throw new ArgumentException("The leaf key pair does not match the KeyPackage's leaf encryption key.", nameof(leafKey));
        }

        var keys = new NodePrivateKeys();
        try
        {
            keys.Set(TreeMath.LeafToNode(ownLeaf), P256KeyPair.FromPrivateKey(leafKey.PrivateKey));
            if (secrets.PathSecret is { } pathSecret)
            {
                SetPathKeys(tree, keys, ownLeaf, groupInfo.Signer, pathSecret);
            }

            var epoch = MlsKeySchedule.FromJoinerSecret(secrets.JoinerSecret, pskSecret, context.Serialize());
            if (!TranscriptHashes.VerifyConfirmationTag(epoch.ConfirmationKey, context.ConfirmedTranscriptHash, groupInfo.ConfirmationTag))
            {
                epoch.Dispose();
                throw new MlsValidationException("The GroupInfo's confirmation tag does not verify.");
            }

            return new JoinedGroup(groupInfo, tree, ownLeaf, epoch, keys);
        }
        catch
        {
            keys.Dispose();
            throw;
        }
    }

    /// <summary>The tree must be the one the GroupContext commits to, every parent must be parent-hash
    /// valid and every leaf correctly signed (section 12.4.3.1, steps on the ratchet tree).</summary>
    private static void VerifyTree(RatchetTree tree, GroupContext context)
    {
        if (!TreeHash.OfRoot(tree).AsSpan().SequenceEqual(context.TreeHash))
        {
            throw new MlsValidationException("The ratchet tree's hash does not match the GroupContext's tree_hash.");
        }

        ParentHash.Verify(tree);
        tree.VerifyLeafSignatures(context.GroupId);
    }

    private static uint FindOwnLeaf(RatchetTree tree, LeafNode ours)
    {
        var encoded = Encode(ours);
        for (var leaf = 0u; leaf < tree.LeafCount; leaf++)
        {
            if (tree.Leaf(leaf) is { } node && Encode(node).AsSpan().SequenceEqual(encoded))
            {
                return leaf;
            }
        }

        throw new MlsValidationException("Our KeyPackage's leaf node is not in the ratchet tree.");
    }

    /// <summary>The path secret in GroupSecrets belongs to the lowest node of the committer's filtered
    /// direct path above us; it and the secrets derived from it give us the keys of that node and
    /// every one above it on the path, each checked against the tree's public key.</summary>
    private static void SetPathKeys(RatchetTree tree, NodePrivateKeys keys, uint ownLeaf, uint committer, byte[] pathSecret)
    {
        var ownNode = TreeMath.LeafToNode(ownLeaf);
        var path = TreeKem.FilteredDirectPath(tree, committer);
        var start = Array.FindIndex(path, node => Contains(node, ownNode));
        if (start < 0)
        {
            throw new MlsValidationException($"No node on leaf {committer}'s path lies above leaf {ownLeaf}.");
        }

        var secret = pathSecret;
        for (var i = start; i < path.Length; i++)
        {
            var keyPair = PathSecret.NodeKeyPair(secret);
            if (tree[path[i]] is not { Parent: { } parent } || !parent.EncryptionKey.AsSpan().SequenceEqual(keyPair.PublicKey))
            {
                keyPair.Dispose();
                throw new MlsValidationException($"The path secret does not give node {path[i]}'s public key.");
            }

            keys.Set(path[i], keyPair);
            secret = PathSecret.Next(secret);
        }
    }

    private static bool Contains(uint ancestor, uint node)
    {
        var (first, last) = Resolution.LeafSpan(ancestor);
        var leaf = TreeMath.NodeToLeaf(node);
        return leaf >= first && leaf <= last;
    }

    private static byte[] Encode(LeafNode leaf)
    {
        var writer = new Codec.TlsWriter();
        leaf.Write(writer);
        return writer.ToArray();
    }
}
