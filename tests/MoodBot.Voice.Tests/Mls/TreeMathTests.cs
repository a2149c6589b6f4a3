using System.Text.Json;
using MoodBot.Voice.Mls;

namespace MoodBot.Voice.Tests.Mls;

/// <summary>tree-math.json: root, left, right, parent and sibling of every node, for every tree size listed.</summary>
public sealed class TreeMathTests
{
    public static TheoryData<int> Cases => ReferenceVectors.Indexes(Entries.Length);

    private static JsonElement[] Entries => [.. ReferenceVectors.Load("mls-rfc9420", "tree-math.json").EnumerateArray()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void TreeMath_VectorTree_MatchesEveryNode(int index)
    {
        var v = Entries[index];
        var leaves = v.UInt("n_leaves");
        Assert.Equal(v.UInt("n_nodes"), TreeMath.NodeWidth(leaves));
        Assert.Equal(v.UInt("root"), TreeMath.Root(leaves));

        for (var node = 0u; node < TreeMath.NodeWidth(leaves); node++)
        {
            var where = $"case {index} ({leaves} leaves), node {node}";
            Assert.True(Expected(v, "left", node) == Try(() => TreeMath.Left(node)), where + ": left");
            Assert.True(Expected(v, "right", node) == Try(() => TreeMath.Right(node)), where + ": right");
            Assert.True(Expected(v, "parent", node) == Try(() => TreeMath.Parent(node, leaves)), where + ": parent");
            Assert.True(Expected(v, "sibling", node) == Try(() => TreeMath.Sibling(node, leaves)), where + ": sibling");
        }
    }

    [Fact]
    public void DirectPath_LeafOfEightLeafTree_RunsToRoot()
    {
        Assert.Equal([5u, 3u, 7u], TreeMath.DirectPath(TreeMath.LeafToNode(2), 8));
    }

    private static uint? Expected(JsonElement v, string name, uint node)
    {
        var value = v.GetProperty(name)[(int)node];
        return value.ValueKind == JsonValueKind.Null ? null : value.GetUInt32();
    }

    // The vectors write null where the relation does not exist, which TreeMath reports by throwing.
    private static uint? Try(Func<uint> relation)
    {
        try
        {
            return relation();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
