namespace MoodBot.Voice.Mls.Tree;

/// <summary>Resolutions (RFC 9420 section 4.1.1): the smallest set of non-blank nodes that covers a
/// subtree, the nodes a path secret must be encrypted to so that every member below can read it.</summary>
public static class Resolution
{
    /// <summary>A non-blank node's resolution is itself plus its unmerged leaves; a blank leaf's is
    /// empty; a blank parent's is its children's resolutions, left then right.</summary>
    public static uint[] Of(RatchetTree tree, uint node)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var result = new List<uint>();
        Collect(tree, node, result);
        return [.. result];
    }

    /// <summary>The first and last leaf index under <paramref name="node"/>.</summary>
    public static (uint First, uint Last) LeafSpan(uint node)
    {
        var level = TreeMath.Level(node);
        var half = (1u << level) - 1;
        return ((node - half) / 2, (node + half) / 2);
    }

    private static void Collect(RatchetTree tree, uint node, List<uint> result)
    {
        switch (tree[node])
        {
            case { Leaf: not null }:
                result.Add(node);
                break;
            case { Parent: { } parent }:
                result.Add(node);
                result.AddRange(parent.UnmergedLeaves.Select(TreeMath.LeafToNode));
                break;
            case null when !TreeMath.IsLeaf(node):
                Collect(tree, TreeMath.Left(node), result);
                Collect(tree, TreeMath.Right(node), result);
                break;
        }
    }
}
