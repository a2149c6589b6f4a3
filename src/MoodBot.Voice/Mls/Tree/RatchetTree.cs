using System.Numerics;
using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Mls.Tree;

/// <summary>The public ratchet tree (RFC 9420 section 7): the array of nodes, blank ones null, always
/// a full tree whose leaf count is a power of two. On the wire (the ratchet_tree extension, section
/// 12.4.3.3) trailing blank nodes are left out; reading pads them back, writing drops them again.</summary>
public sealed class RatchetTree
{
    private TreeNode?[] _nodes;

    private RatchetTree(TreeNode?[] nodes) => _nodes = nodes;

    public uint LeafCount => (uint)(_nodes.Length + 1) / 2;

    public uint NodeCount => (uint)_nodes.Length;

    public uint Root => TreeMath.Root(LeafCount);

    /// <summary>The node at <paramref name="node"/>, null when blank.</summary>
    public TreeNode? this[uint node]
    {
        get => node < _nodes.Length ? _nodes[node] : throw new MlsValidationException($"Node {node} is outside a tree of {_nodes.Length} nodes.");
        set => _nodes[node] = value;
    }

    public LeafNode? Leaf(uint leafIndex) => this[TreeMath.LeafToNode(leafIndex)]?.Leaf;

    /// <summary>A tree from the node list as sent: padded with blanks to the next full tree.</summary>
    public static RatchetTree FromNodes(IReadOnlyList<TreeNode?> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (nodes.Count == 0 || nodes.Count % 2 == 0)
        {
            throw new MlsValidationException($"A ratchet tree has an odd number of nodes, not {nodes.Count}.");
        }

        var leaves = BitOperations.RoundUpToPowerOf2((uint)(nodes.Count + 1) / 2);
        var full = new TreeNode?[TreeMath.NodeWidth(leaves)];
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node is not null && (TreeMath.IsLeaf((uint)i) ? node.Leaf : (object?)node.Parent) is null)
            {
                throw new MlsValidationException($"Node {i} is a {(node.Leaf is null ? "parent" : "leaf")} node at a {(TreeMath.IsLeaf((uint)i) ? "leaf" : "parent")} position.");
            }

            full[i] = node;
        }

        return new RatchetTree(full);
    }

    /// <summary>optional&lt;Node&gt; ratchet_tree&lt;V&gt;.</summary>
    public static RatchetTree Read(ref TlsReader reader) =>
        FromNodes(TlsVectors.Read(ref reader, static (ref TlsReader r) => r.ReadPresence() ? TreeNode.Read(ref r) : null));

    public static RatchetTree Decode(ReadOnlySpan<byte> encoded) => TlsVectors.Decode(encoded, Read);

    public void Write(TlsWriter writer)
    {
        var last = Array.FindLastIndex(_nodes, n => n is not null);
        TlsVectors.Write(writer, _nodes[..(last + 1)], static (w, node) =>
        {
            if (node is null)
            {
                w.WriteUInt8(0);
            }
            else
            {
                w.WriteUInt8(1);
                node.Write(w);
            }
        });
    }

    public byte[] Encode() => TlsVectors.Encode(this, static (w, t) => t.Write(w));

    /// <summary>Checks every leaf's signature (RFC 9420 section 7.3): update and commit leaves are signed
    /// for this group and their position. Throws <see cref="MlsValidationException"/> naming the first bad leaf.</summary>
    public void VerifyLeafSignatures(ReadOnlySpan<byte> groupId)
    {
        for (var leafIndex = 0u; leafIndex < LeafCount; leafIndex++)
        {
            if (Leaf(leafIndex) is { } leaf && !leaf.VerifySignature(groupId, leafIndex))
            {
                throw new MlsValidationException($"The signature of leaf {leafIndex} does not verify.");
            }
        }
    }

    public RatchetTree Clone() => new((TreeNode?[])_nodes.Clone());

    /// <summary>A one-leaf tree: a new group's creator alone (RFC 9420 section 11).</summary>
    public static RatchetTree OfSingleLeaf(LeafNode leaf) => new([TreeNode.OfLeaf(leaf)]);

    /// <summary>Doubles the tree to the right with blank nodes (an Add into a full tree, section 12.1.1):
    /// the old root becomes the left child of the new one, so every existing index keeps its meaning.</summary>
    internal void Extend()
    {
        var nodes = new TreeNode?[TreeMath.NodeWidth(LeafCount * 2)];
        _nodes.CopyTo(nodes, 0);
        _nodes = nodes;
    }

    /// <summary>Drops the right half while it holds no member (section 12.1.3): the tree keeps 2^d leaves
    /// for the smallest d with 2^d above the rightmost non-blank leaf's index.</summary>
    internal void Truncate()
    {
        var leaves = LeafCount;
        while (leaves > 1 && Enumerable.Range((int)(leaves / 2), (int)(leaves / 2)).All(l => Leaf((uint)l) is null))
        {
            leaves /= 2;
        }

        if (leaves != LeafCount)
        {
            _nodes = _nodes[..(int)TreeMath.NodeWidth(leaves)];
        }
    }
}
