using System.Text.Json;
using MoodBot.Voice.Hpke;
using MoodBot.Voice.Mls;
using MoodBot.Voice.Mls.Join;
using MoodBot.Voice.Mls.Messages;
using MoodBot.Voice.Mls.Tree;

namespace MoodBot.Voice.Tests.Mls.Join;

/// <summary>passive-client-welcome.json, cipher suite 2: the private keys match the KeyPackage, the
/// client joins by the Welcome (tree inlined in four cases, given out of band in four; external PSKs
/// in four) and computes the initial epoch authenticator; each Welcome's path secret gives the keys
/// of the committer's path above the joiner, checked against the tree. The cs2 cases carry no later epochs.</summary>
public sealed class PassiveClientWelcomeTests
{
    public static TheoryData<int> Cases => ReferenceVectors.Indexes(Entries.Length);

    private static JsonElement[] Entries => ReferenceVectors.MlsSuite2("passive-client-welcome.json");

    [Fact]
    public void Vectors_CipherSuite2_Has8Entries() => Assert.Equal(8, Entries.Length);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Join_Vector_GivesInitialEpochAuthenticator(int index)
    {
        var v = Entries[index];
        var keyPackage = MlsMessage.Decode(v.Hex("key_package")).KeyPackage!;
        using var initKey = P256KeyPair.FromPrivateKey(v.Hex("init_priv"));
        using var leafKey = P256KeyPair.FromPrivateKey(v.Hex("encryption_priv"));
        using var signatureKey = P256KeyPair.FromPrivateKey(v.Hex("signature_priv"));
        Assert.True(Convert.ToHexString(keyPackage.InitKey) == Convert.ToHexString(initKey.PublicKey), $"case {index}: init key");
        Assert.True(Convert.ToHexString(keyPackage.LeafNode.SignatureKey) == Convert.ToHexString(signatureKey.PublicKey), $"case {index}: signature key");

        var externalTree = v.GetProperty("ratchet_tree").ValueKind == JsonValueKind.Null ? null : RatchetTree.Decode(v.Hex("ratchet_tree"));
        var psks = v.GetProperty("external_psks").EnumerateArray().ToDictionary(p => p.HexString("psk_id"), p => p.Hex("psk"));
        using var group = WelcomeJoin.Join(
            MlsMessage.Decode(v.Hex("welcome")).Welcome!,
            keyPackage,
            initKey,
            leafKey,
            externalTree,
            id => psks.GetValueOrDefault(Convert.ToHexString(id.PskId)));

        Assert.True(v.HexString("initial_epoch_authenticator") == Convert.ToHexString(group.Secrets.EpochAuthenticator), $"case {index}: epoch authenticator");
        // Every cs2 Welcome carries a path secret: the joiner then holds the keys of the committer's path above it.
        Assert.True(group.Keys.Nodes.Any(node => !TreeMath.IsLeaf(node)), $"case {index}: no parent keys from the path secret");
        Assert.True(v.GetProperty("epochs").GetArrayLength() == 0, $"case {index}: later epochs are not applied yet");
    }

    [Fact]
    public void Join_MissingPsk_ThrowsMlsValidationException()
    {
        var v = Entries.First(e => e.GetProperty("external_psks").GetArrayLength() > 0);
        var keyPackage = MlsMessage.Decode(v.Hex("key_package")).KeyPackage!;
        using var initKey = P256KeyPair.FromPrivateKey(v.Hex("init_priv"));
        using var leafKey = P256KeyPair.FromPrivateKey(v.Hex("encryption_priv"));
        var externalTree = v.GetProperty("ratchet_tree").ValueKind == JsonValueKind.Null ? null : RatchetTree.Decode(v.Hex("ratchet_tree"));
        Assert.Throws<MlsValidationException>(() => WelcomeJoin.Join(MlsMessage.Decode(v.Hex("welcome")).Welcome!, keyPackage, initKey, leafKey, externalTree, _ => null));
    }

    [Fact]
    public void Join_ExternalTreeMissing_ThrowsMlsValidationException()
    {
        var v = Entries.First(e => e.GetProperty("ratchet_tree").ValueKind != JsonValueKind.Null && e.GetProperty("external_psks").GetArrayLength() == 0);
        var keyPackage = MlsMessage.Decode(v.Hex("key_package")).KeyPackage!;
        using var initKey = P256KeyPair.FromPrivateKey(v.Hex("init_priv"));
        using var leafKey = P256KeyPair.FromPrivateKey(v.Hex("encryption_priv"));
        Assert.Throws<MlsValidationException>(() => WelcomeJoin.Join(MlsMessage.Decode(v.Hex("welcome")).Welcome!, keyPackage, initKey, leafKey, null, _ => null));
    }
}
