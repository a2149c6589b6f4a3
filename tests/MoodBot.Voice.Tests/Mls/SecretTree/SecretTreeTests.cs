using System.Security.Cryptography;
using System.Text.Json;
using MoodBot.Voice.Mls.SecretTree;

namespace MoodBot.Voice.Tests.Mls.SecretTree;

/// <summary>secret-tree.json, cipher suite 2: the sender-data key and nonce, and every leaf's handshake
/// and application key and nonce at each listed generation.</summary>
public sealed class SecretTreeTests
{
    public static TheoryData<int> Cases => ReferenceVectors.Indexes(Entries.Length);

    private static JsonElement[] Entries => ReferenceVectors.MlsSuite2("secret-tree.json");

    [Fact]
    public void Vectors_CipherSuite2_HasEntries() => Assert.NotEmpty(Entries);

    [Theory]
    [MemberData(nameof(Cases))]
    public void SenderDataKeys_Vector_Match(int index)
    {
        var v = Entries[index].GetProperty("sender_data");
        var keys = SenderDataKeys.Derive(v.Hex("sender_data_secret"), v.Hex("ciphertext"));
        Assert.Equal(v.HexString("key"), Convert.ToHexString(keys.Key));
        Assert.Equal(v.HexString("nonce"), Convert.ToHexString(keys.Nonce));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ratchets_EveryLeafAndGeneration_MatchVector(int index)
    {
        var v = Entries[index];
        var leaves = v.GetProperty("leaves").EnumerateArray().ToArray();
        using var tree = new MlsSecretTree(v.Hex("encryption_secret"), (uint)leaves.Length);

        for (var leaf = 0u; leaf < leaves.Length; leaf++)
        {
            foreach (var g in leaves[leaf].EnumerateArray())
            {
                var generation = g.UInt("generation");
                var where = $"case {index} leaf {leaf} generation {generation}";
                var handshake = tree.Ratchet(leaf, RatchetKind.Handshake).Get(generation);
                var application = tree.Ratchet(leaf, RatchetKind.Application).Get(generation);
                Assert.True(g.HexString("handshake_key") == Convert.ToHexString(handshake.Key), where + ": handshake_key");
                Assert.True(g.HexString("handshake_nonce") == Convert.ToHexString(handshake.Nonce), where + ": handshake_nonce");
                Assert.True(g.HexString("application_key") == Convert.ToHexString(application.Key), where + ": application_key");
                Assert.True(g.HexString("application_nonce") == Convert.ToHexString(application.Nonce), where + ": application_nonce");
            }
        }
    }

    [Fact]
    public void Ratchet_SkippedGeneration_OpensOnceOutOfOrder()
    {
        using var tree = new MlsSecretTree(new byte[32], 4);
        var ratchet = tree.Ratchet(3, RatchetKind.Application);

        var third = ratchet.Get(3);
        var first = ratchet.Get(1);

        Assert.Equal(3u, third.Generation);
        Assert.Equal(1u, first.Generation);
        Assert.Throws<CryptographicException>(() => ratchet.Get(1));
        Assert.Throws<CryptographicException>(() => ratchet.Get(3));
        Assert.Equal(4u, ratchet.Next().Generation);
    }
}
