using System.Numerics;

namespace MoodBot.Voice.Mls;

/// <summary>Array-based ratchet tree arithmetic (RFC 9420 section 4.1 and appendix C). Leaves sit at
/// even node indexes, parents at odd ones; a node's level is its number of trailing one bits.
/// MLS trees are always full (the leaf count a power of two), which the parent formula relies on.</summary>
public static class TreeMath
{
    /// <summary>The node index of leaf <paramref name="leaf"/>.</summary>
    public static uint LeafToNode(uint leaf) => leaf * 2;

    /// <summary>The leaf index of a leaf node (an even node index).</summary>
    public static uint NodeToLeaf(uint node) =>
        IsLeaf(node) ? node / 2 : throw new ArgumentException($"Node {node} is a parent, not a leaf.", nameof(node));

    public static bool IsLeaf(uint node) => (node & 1) == 0;

    /// <summary>The number of nodes in a tree of <paramref name="leaves"/> leaves: 2(n - 1) + 1.</summary>
    public static uint NodeWidth(uint leaves) => leaves == 0 ? 0 : 2 * (leaves - 1) + 1;

    /// <summary>The level of a node: 0 for leaves, k for a parent with k trailing one bits.</summary>
    public static int Level(uint node) => BitOperations.TrailingZeroCount(~node);

    /// <summary>The root: the node at the top level, (1 &lt;&lt; log2(width)) - 1.</summary>
    public static uint Root(uint leaves)
    {
        var width = NodeWidth(leaves);
        return width == 0 ? throw new ArgumentOutOfRangeException(nameof(leaves), "An empty tree has no root.") : (1u << BitOperations.Log2(width)) - 1;
    }

    public static uint Left(uint node)
    {
        var k = Level(node);
        return k == 0 ? throw new ArgumentException($"Leaf node {node} has no children.", nameof(node)) : node ^ (1u << (k - 1));
    }

    public static uint Right(uint node)
    {
        var k = Level(node);
        return k == 0 ? throw new ArgumentException($"Leaf node {node} has no children.", nameof(node)) : node ^ (3u << (k - 1));
    }

    /// <summary>The parent of a non-root node: set bit k and clear bit k+1 or keep it, whichever
    /// lands on the node one level up whose subtree holds this one.</summary>
    public static uint Parent(uint node, uint leaves)
    {
        if (node == Root(leaves))
        {
            throw new ArgumentException($"Node {node} is the root of a {leaves}-leaf tree.", nameof(node));
        }

        var k = Level(node);
        var b = (node >> (k + 1)) & 1;
        return (node | (1u << k)) ^ (b << (k + 1));
    }

    public static uint Sibling(uint node, uint leaves)
    {
        var parent = Parent(node, leaves);
        return node < parent ? Right(parent) : Left(parent);
    }

    /// <summary>The direct path of a node: its ancestors from its parent up to the root.</summary>
    public static uint[] DirectPath(uint node, uint leaves)
    {
        var root = Root(leaves);
        var path = new List<uint>();
        for (var x = node; x != root;)
        {
            x = Parent(x, leaves);
            path.Add(x);
        }

        return [.. path];
    }
}
