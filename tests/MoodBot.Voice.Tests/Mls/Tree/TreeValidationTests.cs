using System.Text.Json;
using MoodBot.Voice.Mls;
using MoodBot.Voice.Mls.Tree;

namespace MoodBot.Voice.Tests.Mls.Tree;

/// <summary>tree-validation.json, cipher suite 2: for each tree, every node's tree hash and resolution,
/// parent-hash validity of every parent node, and every leaf's signature.</summary>
public sealed class TreeValidationTests
{
    public static TheoryData<int> Cases => ReferenceVectors.Indexes(Entries.Length);

    private static JsonElement[] Entries => ReferenceVectors.MlsSuite2("tree-validation.json");

    [Fact]
    public void Vectors_CipherSuite2_Has14Entries() => Assert.Equal(14, Entries.Length);

    [Theory]
    [MemberData(nameof(Cases))]
    public void TreeHashes_EveryNode_MatchVector(int index)
    {
        var v = Entries[index];
        var tree = RatchetTree.Decode(v.Hex("tree"));
        var expected = v.GetProperty("tree_hashes").EnumerateArray().Select(h => h.GetString()!.ToUpperInvariant()).ToArray();
        Assert.True(expected.Length == tree.NodeCount, $"case {index}: {expected.Length} hashes for {tree.NodeCount} nodes");
        for (var node = 0u; node < tree.NodeCount; node++)
        {
            Assert.True(expected[node] == Convert.ToHexString(TreeHash.Of(tree, node)), $"case {index} node {node}: tree hash");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolutions_EveryNode_MatchVector(int index)
    {
        var v = Entries[index];
        var tree = RatchetTree.Decode(v.Hex("tree"));
        var expected = v.GetProperty("resolutions").EnumerateArray().ToArray();
        Assert.True(expected.Length == tree.NodeCount, $"case {index}: {expected.Length} resolutions for {tree.NodeCount} nodes");
        for (var node = 0u; node < tree.NodeCount; node++)
        {
            var want = string.Join(",", expected[node].EnumerateArray().Select(n => n.GetUInt32()));
            Assert.True(want == string.Join(",", Resolution.Of(tree, node)), $"case {index} node {node}: resolution");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ParentHashes_Tree_AreValid(int index)
    {
        var tree = RatchetTree.Decode(Entries[index].Hex("tree"));
        var error = Record.Exception(() => ParentHash.Verify(tree));
        Assert.True(error is null, $"case {index}: {error?.Message}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LeafSignatures_Tree_Verify(int index)
    {
        var v = Entries[index];
        var tree = RatchetTree.Decode(v.Hex("tree"));
        var error = Record.Exception(() => tree.VerifyLeafSignatures(v.Hex("group_id")));
        Assert.True(error is null, $"case {index}: {error?.Message}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encode_Tree_RoundTrips(int index)
    {
        var encoded = Entries[index].Hex("tree");
        Assert.Equal(Convert.ToHexString(encoded), Convert.ToHexString(RatchetTree.Decode(encoded).Encode()));
    }

    [Fact]
    public void Verify_ParentHashTampered_ThrowsMlsValidationException()
    {
        var tree = Entries.Select(e => RatchetTree.Decode(e.Hex("tree"))).First(t => Enumerable.Range(0, (int)t.NodeCount).Any(n => t[(uint)n]?.Parent is not null));
        var node = (uint)Enumerable.Range(0, (int)tree.NodeCount).First(n => tree[(uint)n]?.Parent is not null);
        var parent = tree[node]!.Parent!;
        tree[node] = TreeNode.OfParent(parent with { EncryptionKey = [.. parent.EncryptionKey[..^1], (byte)(parent.EncryptionKey[^1] ^ 1)] });
        Assert.Throws<MlsValidationException>(() => ParentHash.Verify(tree));
    }

    [Fact]
    public void Decode_EvenNodeCount_ThrowsMlsValidationException() =>
        Assert.Throws<MlsValidationException>(() => RatchetTree.Decode([0x02, 0x00, 0x00]));
}
