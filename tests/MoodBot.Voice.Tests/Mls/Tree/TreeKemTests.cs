using System.Security.Cryptography;
using System.Text.Json;
using MoodBot.Voice.Hpke;
using MoodBot.Voice.Mls;
using MoodBot.Voice.Mls.KeySchedule;
using MoodBot.Voice.Mls.Messages;
using MoodBot.Voice.Mls.Tree;

namespace MoodBot.Voice.Tests.Mls.Tree;

/// <summary>treekem.json, cipher suite 2: the members' private keys match the tree; each UpdatePath
/// merges to the expected tree hash with valid parent hashes, and every member with private state
/// decrypts the expected path secret and reaches the commit secret. Then each sender encaps a fresh
/// path of our own, which the others decap to the same commit secret.</summary>
public sealed class TreeKemTests
{
    public static TheoryData<int> Cases => ReferenceVectors.Indexes(Entries.Length);

    private static JsonElement[] Entries => ReferenceVectors.MlsSuite2("treekem.json");

    [Fact]
    public void Vectors_CipherSuite2_Has11Entries() => Assert.Equal(11, Entries.Length);

    [Theory]
    [MemberData(nameof(Cases))]
    public void PrivateKeys_EveryMember_MatchTree(int index)
    {
        var v = Entries[index];
        var tree = RatchetTree.Decode(v.Hex("ratchet_tree"));
        foreach (var member in v.GetProperty("leaves_private").EnumerateArray())
        {
            using var keys = KeysOf(member);
            foreach (var node in keys.Nodes)
            {
                keys.TryGet(node, out var key);
                Assert.True(Convert.ToHexString(tree[node]!.EncryptionKey) == Convert.ToHexString(key.PublicKey), $"case {index} leaf {member.UInt("index")} node {node}: public key");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Merge_EveryUpdatePath_GivesTreeHashAndValidParentHashes(int index)
    {
        var v = Entries[index];
        var tree = RatchetTree.Decode(v.Hex("ratchet_tree"));
        foreach (var (u, i) in v.GetProperty("update_paths").EnumerateArray().Select((u, i) => (u, i)))
        {
            var after = tree.Clone();
            TreeKem.Merge(after, u.UInt("sender"), UpdatePath.Decode(u.Hex("update_path")), v.Hex("group_id"));
            Assert.True(u.HexString("tree_hash_after") == Convert.ToHexString(TreeHash.OfRoot(after)), $"case {index} path {i}: tree hash after");
            var error = Record.Exception(() => ParentHash.Verify(after));
            Assert.True(error is null, $"case {index} path {i}: {error?.Message}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decap_EveryMember_GetsPathSecretAndCommitSecret(int index)
    {
        var v = Entries[index];
        var tree = RatchetTree.Decode(v.Hex("ratchet_tree"));
        var checkedCount = 0;
        foreach (var (u, i) in v.GetProperty("update_paths").EnumerateArray().Select((u, i) => (u, i)))
        {
            var sender = u.UInt("sender");
            var path = UpdatePath.Decode(u.Hex("update_path"));
            var context = ContextOf(v, u.Hex("tree_hash_after"));
            var expected = u.GetProperty("path_secrets").EnumerateArray().ToArray();
            foreach (var member in v.GetProperty("leaves_private").EnumerateArray())
            {
                var leaf = member.UInt("index");
                if (leaf == sender)
                {
                    continue;
                }

                using var keys = KeysOf(member);
                var result = TreeKem.Decap(tree, sender, path, leaf, keys, context, []);
                var where = $"case {index} path {i} leaf {leaf}";
                Assert.True(string.Equals(expected[leaf].GetString(), Convert.ToHexString(result.PathSecret), StringComparison.OrdinalIgnoreCase), where + ": path secret");
                Assert.True(u.HexString("commit_secret") == Convert.ToHexString(result.CommitSecret), where + ": commit secret");
                checkedCount++;
            }
        }

        Assert.True(checkedCount > 0, $"case {index}: no member decapped");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encap_EverySender_OthersDecapSameCommitSecret(int index)
    {
        var v = Entries[index];
        var tree = RatchetTree.Decode(v.Hex("ratchet_tree"));
        var members = v.GetProperty("leaves_private").EnumerateArray().ToArray();
        foreach (var sender in members)
        {
            var senderLeaf = sender.UInt("index");
            var senderTree = tree.Clone();
            using var senderKeys = KeysOf(sender);
            var encapped = TreeKem.Encap(
                senderTree,
                senderLeaf,
                RandomNumberGenerator.GetBytes(32),
                tree.Leaf(senderLeaf)!,
                sender.Hex("signature_priv"),
                v.Hex("group_id"),
                treeHash => ContextOf(v, treeHash),
                [],
                senderKeys);

            var where = $"case {index} sender {senderLeaf}";
            var merged = tree.Clone();
            TreeKem.Merge(merged, senderLeaf, UpdatePath.Decode(TlsEncode(encapped.Path)), v.Hex("group_id"));
            Assert.True(Convert.ToHexString(TreeHash.OfRoot(senderTree)) == Convert.ToHexString(TreeHash.OfRoot(merged)), where + ": merged tree hash");
            ParentHash.Verify(merged);

            var context = ContextOf(v, TreeHash.OfRoot(merged));
            foreach (var receiver in members.Where(m => m.UInt("index") != senderLeaf))
            {
                using var keys = KeysOf(receiver);
                var result = TreeKem.Decap(tree, senderLeaf, encapped.Path, receiver.UInt("index"), keys, context, []);
                Assert.True(Convert.ToHexString(encapped.CommitSecret) == Convert.ToHexString(result.CommitSecret), $"{where} receiver {receiver.UInt("index")}: commit secret");
            }
        }
    }

    [Fact]
    public void Merge_TamperedLeafSignature_ThrowsMlsValidationException()
    {
        var v = Entries[0];
        var u = v.GetProperty("update_paths")[0];
        var path = UpdatePath.Decode(u.Hex("update_path"));
        var tampered = path with { LeafNode = path.LeafNode with { Signature = [.. path.LeafNode.Signature[..^1], (byte)(path.LeafNode.Signature[^1] ^ 1)] } };
        Assert.Throws<MlsValidationException>(() => TreeKem.Merge(RatchetTree.Decode(v.Hex("ratchet_tree")), u.UInt("sender"), tampered, v.Hex("group_id")));
    }

    private static byte[] TlsEncode(UpdatePath path)
    {
        var writer = new MoodBot.Voice.Mls.Codec.TlsWriter();
        path.Write(writer);
        return writer.ToArray();
    }

    private static byte[] ContextOf(JsonElement v, byte[] treeHash) =>
        new GroupContext(MlsCrypto.CipherSuite, v.Hex("group_id"), v.GetProperty("epoch").GetUInt64(), treeHash, v.Hex("confirmed_transcript_hash"), []).Serialize();

    private static NodePrivateKeys KeysOf(JsonElement member)
    {
        var keys = new NodePrivateKeys();
        keys.Set(TreeMath.LeafToNode(member.UInt("index")), P256KeyPair.FromPrivateKey(member.Hex("encryption_priv")));
        foreach (var p in member.GetProperty("path_secrets").EnumerateArray())
        {
            keys.SetFromPathSecret(p.UInt("node"), p.Hex("path_secret"));
        }

        return keys;
    }
}
