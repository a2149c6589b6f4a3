using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Tree;

/// <summary>Tree hashes (RFC 9420 section 7.8): each node's hash covers its content and, for a parent,
/// both children's hashes, so the root's hash summarises the whole public tree and goes into the
/// GroupContext. A blank node hashes as an absent optional at its position.</summary>
public static class TreeHash
{
    private const byte LeafType = 1;
    private const byte ParentType = 2;

    /// <summary>The tree hash of <paramref name="node"/>'s subtree.</summary>
    public static byte[] Of(RatchetTree tree, uint node) => Of(tree, node, []);

    /// <summary>The tree hash of the root, the GroupContext's tree_hash.</summary>
    public static byte[] OfRoot(RatchetTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return Of(tree, tree.Root);
    }

    /// <summary>The tree hash as if the leaves in <paramref name="excludedLeaves"/> were blank and gone
    /// from every unmerged_leaves list: the "original sibling tree hash" of section 7.9, the subtree
    /// as it was before those leaves were added under a parent.</summary>
    public static byte[] Of(RatchetTree tree, uint node, IReadOnlyCollection<uint> excludedLeaves)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(excludedLeaves);
        var input = new TlsWriter();
        if (TreeMath.IsLeaf(node))
        {
            // LeafNodeHashInput { uint32 leaf_index; optional<LeafNode> leaf_node; }
            var leafIndex = TreeMath.NodeToLeaf(node);
            var leaf = excludedLeaves.Contains(leafIndex) ? null : tree[node]?.Leaf;
            input.WriteUInt8(LeafType).WriteUInt32(leafIndex);
            WriteOptional(input, leaf is null ? null : w => leaf.Write(w));
        }
        else
        {
            // ParentNodeHashInput { optional<ParentNode> parent_node; opaque left_hash<V>; opaque right_hash<V>; }
            var parent = tree[node]?.Parent;
            if (parent is not null && excludedLeaves.Count > 0)
            {
                parent = parent with { UnmergedLeaves = [.. parent.UnmergedLeaves.Where(l => !excludedLeaves.Contains(l))] };
            }

            input.WriteUInt8(ParentType);
            WriteOptional(input, parent is null ? null : w => parent.Write(w));
            input.WriteOpaque(Of(tree, TreeMath.Left(node), excludedLeaves));
            input.WriteOpaque(Of(tree, TreeMath.Right(node), excludedLeaves));
        }

        return MlsCrypto.Hash(input.WrittenSpan);
    }

    private static void WriteOptional(TlsWriter writer, Action<TlsWriter>? write)
    {
        writer.WriteUInt8(write is null ? (byte)0 : (byte)1);
        write?.Invoke(writer);
    }
}
