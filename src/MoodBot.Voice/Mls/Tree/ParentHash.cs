using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Mls.Tree;

/// <summary>Parent hashes (RFC 9420 section 7.9): each node set by a committer's path records the hash
/// of the node above it, so a joiner can check that every parent key was set by the member whose leaf
/// chains up to it, and not planted by someone else.</summary>
public static class ParentHash
{
    /// <summary>Hash(ParentHashInput { encryption_key&lt;V&gt;; parent_hash&lt;V&gt;; original_sibling_tree_hash&lt;V&gt; }):
    /// the parent hash that a child of <paramref name="parent"/> stores.</summary>
    public static byte[] Compute(ParentNode parent, ReadOnlySpan<byte> originalSiblingTreeHash)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var input = new TlsWriter()
            .WriteOpaque(parent.EncryptionKey)
            .WriteOpaque(parent.ParentHash)
            .WriteOpaque(originalSiblingTreeHash);
        return MlsCrypto.Hash(input.WrittenSpan);
    }

    /// <summary>The parent hash a child of the parent at <paramref name="parentIndex"/> should store when
    /// the path came up through the child whose sibling is <paramref name="siblingIndex"/>. The sibling's
    /// hash leaves out the parent's unmerged leaves, which were added after the parent was set.</summary>
    public static byte[] Compute(RatchetTree tree, uint parentIndex, uint siblingIndex)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var parent = tree[parentIndex]?.Parent ?? throw new MlsValidationException($"Node {parentIndex} is blank or not a parent.");
        return Compute(parent, TreeHash.Of(tree, siblingIndex, parent.UnmergedLeaves));
    }

    /// <summary>Checks section 7.9.2: every non-blank parent node is parent-hash valid relative to one
    /// of its children. Throws <see cref="MlsValidationException"/> naming the first that is not.</summary>
    public static void Verify(RatchetTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        for (var node = 1u; node < tree.NodeCount; node += 2)
        {
            if (tree[node]?.Parent is { } parent && !IsValidThrough(tree, parent, TreeMath.Left(node), TreeMath.Right(node))
                && !IsValidThrough(tree, parent, TreeMath.Right(node), TreeMath.Left(node)))
            {
                throw new MlsValidationException($"Parent node {node} is not parent-hash valid relative to either child.");
            }
        }
    }

    public static bool IsValid(RatchetTree tree)
    {
        try
        {
            Verify(tree);
            return true;
        }
        catch (MlsValidationException)
        {
            return false;
        }
    }

    /// <summary>P is parent-hash valid relative to child C (sibling S) when some node D in C's resolution
    /// stores ParentHash(P, S), and the rest of C's resolution is exactly P's unmerged leaves under C:
    /// the nodes between D and P were blanked by the path that set P, and the others joined later.</summary>
    private static bool IsValidThrough(RatchetTree tree, ParentNode parent, uint child, uint sibling)
    {
        var expected = Compute(parent, TreeHash.Of(tree, sibling, parent.UnmergedLeaves));
        var resolution = Resolution.Of(tree, child);
        var (first, last) = Resolution.LeafSpan(child);
        var unmergedUnderChild = parent.UnmergedLeaves.Where(l => l >= first && l <= last).Select(TreeMath.LeafToNode).ToHashSet();
        foreach (var d in resolution)
        {
            var rest = resolution.Where(n => n != d).ToHashSet();
            if (rest.SetEquals(unmergedUnderChild) && StoredParentHash(tree, d) is { } stored && stored.AsSpan().SequenceEqual(expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The parent hash a node stores: a parent's field, or a commit leaf's; other leaves have none.</summary>
    private static byte[]? StoredParentHash(RatchetTree tree, uint node) => tree[node] switch
    {
        { Parent: { } p } => p.ParentHash,
        { Leaf: { Source: LeafNodeSource.Commit } leaf } => leaf.ParentHash,
        _ => null,
    };
}
