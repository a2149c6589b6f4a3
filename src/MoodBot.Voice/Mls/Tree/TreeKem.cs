using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Mls.Tree;

/// <summary>TreeKEM (RFC 9420 sections 7.4-7.6): a committer replaces the keys on its filtered direct
/// path with ones derived from a fresh chain of path secrets and encrypts each secret to the copath
/// subtree below it; every other member decrypts the one secret it can reach and derives the rest,
/// ending at the same commit secret.</summary>
public static class TreeKem
{
    private const string EncryptionLabel = "UpdatePathNode";

    /// <summary>The direct path of a leaf without the nodes whose copath child has an empty resolution
    /// (section 4.1.2): nobody below such a node would need its key, so no path secret is sent there.</summary>
    public static uint[] FilteredDirectPath(RatchetTree tree, uint leafIndex)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var result = new List<uint>();
        var leafNode = TreeMath.LeafToNode(leafIndex);
        foreach (var parent in TreeMath.DirectPath(leafNode, tree.LeafCount))
        {
            if (Resolution.Of(tree, CopathChild(parent, leafNode)).Length > 0)
            {
                result.Add(parent);
            }
        }

        return [.. result];
    }

    /// <summary>Merges a received UpdatePath into the tree (section 7.5): checks the new leaf's source
    /// and signature, blanks the sender's direct path, sets the filtered path's new keys with fresh
    /// parent hashes, and requires the leaf's parent_hash to match the chain it was sent with.</summary>
    public static void Merge(RatchetTree tree, uint senderLeaf, UpdatePath path, ReadOnlySpan<byte> groupId)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(path);
        var filtered = FilteredDirectPath(tree, senderLeaf);
        if (path.Nodes.Length != filtered.Length)
        {
            throw new MlsValidationException($"The UpdatePath has {path.Nodes.Length} nodes; leaf {senderLeaf}'s filtered direct path has {filtered.Length}.");
        }

        if (path.LeafNode.Source != LeafNodeSource.Commit)
        {
            throw new MlsValidationException($"An UpdatePath's leaf node has source commit, not {path.LeafNode.Source}.");
        }

        if (!path.LeafNode.VerifySignature(groupId, senderLeaf))
        {
            throw new MlsValidationException($"The UpdatePath's leaf node signature for leaf {senderLeaf} does not verify.");
        }

        var leafParentHash = SetPath(tree, senderLeaf, filtered, [.. path.Nodes.Select(n => n.EncryptionKey)]);
        if (!leafParentHash.AsSpan().SequenceEqual(path.LeafNode.ParentHash))
        {
            throw new MlsValidationException($"The parent hash in leaf {senderLeaf}'s new leaf node does not match its path.");
        }

        tree[TreeMath.LeafToNode(senderLeaf)] = TreeNode.OfLeaf(path.LeafNode);
    }

    /// <summary>Decrypts the path secret meant for <paramref name="receiverLeaf"/> from an UpdatePath and
    /// derives the rest of the chain (section 7.6), checking each derived public key against the path
    /// and storing the new private keys in <paramref name="keys"/>. <paramref name="groupContext"/> is
    /// the encoded provisional GroupContext (with the tree hash after merging); leaves added by the same
    /// Commit are in <paramref name="excludedLeaves"/>, as no secret is encrypted to them.</summary>
    public static DecappedPath Decap(
        RatchetTree tree,
        uint senderLeaf,
        UpdatePath path,
        uint receiverLeaf,
        NodePrivateKeys keys,
        ReadOnlySpan<byte> groupContext,
        IReadOnlyCollection<uint> excludedLeaves)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(keys);
        var filtered = FilteredDirectPath(tree, senderLeaf);
        if (path.Nodes.Length != filtered.Length)
        {
            throw new MlsValidationException($"The UpdatePath has {path.Nodes.Length} nodes; leaf {senderLeaf}'s filtered direct path has {filtered.Length}.");
        }

        var receiverNode = TreeMath.LeafToNode(receiverLeaf);
        var k = Array.FindIndex(filtered, node => IsUnder(receiverNode, node));
        if (k < 0 || senderLeaf == receiverLeaf)
        {
            throw new MlsValidationException($"Leaf {receiverLeaf} is not below leaf {senderLeaf}'s filtered direct path.");
        }

        var resolution = EncryptionTargets(tree, CopathChild(filtered[k], TreeMath.LeafToNode(senderLeaf)), excludedLeaves);
        var ciphertexts = path.Nodes[k].EncryptedPathSecret;
        if (ciphertexts.Length != resolution.Length)
        {
            throw new MlsValidationException($"UpdatePath node {filtered[k]} has {ciphertexts.Length} ciphertexts for a resolution of {resolution.Length}.");
        }

        var position = Array.FindIndex(resolution, node => keys.TryGet(node, out _));
        if (position < 0)
        {
            throw new MlsValidationException($"Leaf {receiverLeaf} holds no private key in the resolution of node {filtered[k]}'s copath child.");
        }

        keys.TryGet(resolution[position], out var privateKey);
        var pathSecret = MlsCrypto.DecryptWithLabel(privateKey, EncryptionLabel, groupContext, ciphertexts[position].KemOutput, ciphertexts[position].Ciphertext);

        foreach (var node in TreeMath.DirectPath(TreeMath.LeafToNode(senderLeaf), tree.LeafCount))
        {
            keys.Remove(node);
        }

        var secret = pathSecret;
        for (var m = k; m < filtered.Length; m++)
        {
            var keyPair = PathSecret.NodeKeyPair(secret);
            if (!keyPair.PublicKey.AsSpan().SequenceEqual(path.Nodes[m].EncryptionKey))
            {
                keyPair.Dispose();
                throw new MlsValidationException($"The public key of node {filtered[m]} in the UpdatePath does not match its path secret.");
            }

            keys.Set(filtered[m], keyPair);
            secret = PathSecret.Next(secret);
        }

        return new DecappedPath(filtered[k], pathSecret, secret);
    }

    /// <summary>Creates an UpdatePath from <paramref name="senderLeaf"/> (section 7.5) and merges it into
    /// <paramref name="tree"/>: the leaf key and path secrets come from <paramref name="leafSecret"/>, the
    /// new leaf node is <paramref name="leafTemplate"/> with the new key and parent hash, signed. The
    /// context each path secret is encrypted under depends on the new tree hash, so it is asked of
    /// <paramref name="groupContextFor"/> once the path is merged.</summary>
    public static EncappedPath Encap(
        RatchetTree tree,
        uint senderLeaf,
        ReadOnlySpan<byte> leafSecret,
        LeafNode leafTemplate,
        ReadOnlySpan<byte> signaturePrivateKey,
        ReadOnlySpan<byte> groupId,
        Func<byte[], byte[]> groupContextFor,
        IReadOnlyCollection<uint> excludedLeaves,
        NodePrivateKeys keys)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(leafTemplate);
        ArgumentNullException.ThrowIfNull(groupContextFor);
        ArgumentNullException.ThrowIfNull(keys);
        var filtered = FilteredDirectPath(tree, senderLeaf);
        var leafNode = TreeMath.LeafToNode(senderLeaf);

        var leafKey = PathSecret.NodeKeyPair(leafSecret);
        var secrets = new Dictionary<uint, byte[]>();
        var publicKeys = new byte[filtered.Length][];
        var secret = PathSecret.Next(leafSecret);
        foreach (var node in TreeMath.DirectPath(leafNode, tree.LeafCount))
        {
            keys.Remove(node);
        }

        for (var i = 0; i < filtered.Length; i++)
        {
            secrets[filtered[i]] = secret;
            var keyPair = PathSecret.NodeKeyPair(secret);
            publicKeys[i] = keyPair.PublicKey;
            keys.Set(filtered[i], keyPair);
            secret = PathSecret.Next(secret);
        }

        keys.Set(leafNode, leafKey);
        var leafParentHash = SetPath(tree, senderLeaf, filtered, publicKeys);
        var newLeaf = (leafTemplate with
        {
            EncryptionKey = leafKey.PublicKey,
            Source = LeafNodeSource.Commit,
            Lifetime = null,
            ParentHash = leafParentHash,
        }).SignFor(signaturePrivateKey, groupId, senderLeaf);
        tree[leafNode] = TreeNode.OfLeaf(newLeaf);

        var groupContext = groupContextFor(TreeHash.OfRoot(tree));
        var nodes = new UpdatePathNode[filtered.Length];
        for (var i = 0; i < filtered.Length; i++)
        {
            var targets = EncryptionTargets(tree, CopathChild(filtered[i], leafNode), excludedLeaves);
            var pathSecret = secrets[filtered[i]];
            nodes[i] = new UpdatePathNode(
                publicKeys[i],
                [.. targets.Select(target => MlsCrypto.EncryptWithLabel(tree[target]!.EncryptionKey, EncryptionLabel, groupContext, pathSecret))]);
        }

        return new EncappedPath(new UpdatePath(newLeaf, nodes), secret, secrets);
    }

    /// <summary>Blanks the sender's direct path, sets the filtered path's keys, and fills in parent hashes
    /// from the top down (section 7.9): the highest node's is empty, each lower node's hashes the node
    /// above it with that node's copath child. Returns the parent hash the sender's leaf must carry.</summary>
    private static byte[] SetPath(RatchetTree tree, uint senderLeaf, uint[] filtered, byte[][] publicKeys)
    {
        var leafNode = TreeMath.LeafToNode(senderLeaf);
        foreach (var node in TreeMath.DirectPath(leafNode, tree.LeafCount))
        {
            tree[node] = null;
        }

        byte[] parentHash = [];
        for (var i = filtered.Length - 1; i >= 0; i--)
        {
            var parent = new ParentNode(publicKeys[i], parentHash, []);
            tree[filtered[i]] = TreeNode.OfParent(parent);
            parentHash = ParentHash.Compute(parent, TreeHash.Of(tree, CopathChild(filtered[i], leafNode)));
        }

        return parentHash;
    }

    /// <summary>The resolution of a copath child minus leaves added by the same Commit.</summary>
    private static uint[] EncryptionTargets(RatchetTree tree, uint copathChild, IReadOnlyCollection<uint> excludedLeaves) =>
        [.. Resolution.Of(tree, copathChild).Where(n => !(TreeMath.IsLeaf(n) && excludedLeaves.Contains(TreeMath.NodeToLeaf(n))))];

    /// <summary>The child of <paramref name="parent"/> whose subtree does not hold <paramref name="pathNode"/>.</summary>
    private static uint CopathChild(uint parent, uint pathNode) =>
        pathNode < parent ? TreeMath.Right(parent) : TreeMath.Left(parent);

    private static bool IsUnder(uint node, uint ancestor)
    {
        var (first, last) = Resolution.LeafSpan(ancestor);
        var (nodeFirst, nodeLast) = Resolution.LeafSpan(node);
        return nodeFirst >= first && nodeLast <= last && node != ancestor;
    }
}
