using System.Text.Json;
using MoodBot.Voice.Hpke;
using MoodBot.Voice.Mls;

namespace MoodBot.Voice.Tests.Mls;

/// <summary>crypto-basics.json, cipher suite 2: RefHash, ExpandWithLabel, DeriveSecret,
/// DeriveTreeSecret, Sign/VerifyWithLabel and Encrypt/DecryptWithLabel.</summary>
public sealed class CryptoBasicsTests
{
    public static TheoryData<int> Cases => ReferenceVectors.Indexes(Entries.Length);

    private static JsonElement[] Entries => ReferenceVectors.MlsSuite2("crypto-basics.json");

    [Fact]
    public void Vectors_CipherSuite2_HasEntries() => Assert.NotEmpty(Entries);

    [Theory]
    [MemberData(nameof(Cases))]
    public void RefHash_Vector_Matches(int index)
    {
        var v = Entries[index].GetProperty("ref_hash");
        Assert.Equal(v.HexString("out"), Convert.ToHexString(MlsCrypto.RefHash(Label(v), v.Hex("value"))));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExpandWithLabel_Vector_Matches(int index)
    {
        var v = Entries[index].GetProperty("expand_with_label");
        var output = MlsCrypto.ExpandWithLabel(v.Hex("secret"), Label(v), v.Hex("context"), v.Int("length"));
        Assert.Equal(v.HexString("out"), Convert.ToHexString(output));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DeriveSecret_Vector_Matches(int index)
    {
        var v = Entries[index].GetProperty("derive_secret");
        Assert.Equal(v.HexString("out"), Convert.ToHexString(MlsCrypto.DeriveSecret(v.Hex("secret"), Label(v))));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DeriveTreeSecret_Vector_Matches(int index)
    {
        var v = Entries[index].GetProperty("derive_tree_secret");
        var output = MlsCrypto.DeriveTreeSecret(v.Hex("secret"), Label(v), v.UInt("generation"), v.Int("length"));
        Assert.Equal(v.HexString("out"), Convert.ToHexString(output));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void VerifyWithLabel_VectorSignature_VerifiesAndOwnSignatureToo(int index)
    {
        var v = Entries[index].GetProperty("sign_with_label");
        var label = Label(v);
        var content = v.Hex("content");
        var publicKey = v.Hex("pub");

        Assert.True(MlsCrypto.VerifyWithLabel(publicKey, label, content, v.Hex("signature")));

        // ECDSA is randomised, so a fresh signature can only be checked by verifying it.
        var own = MlsCrypto.SignWithLabel(v.Hex("priv"), label, content);
        Assert.Equal(0x30, own[0]);
        Assert.True(MlsCrypto.VerifyWithLabel(publicKey, label, content, own));
        Assert.False(MlsCrypto.VerifyWithLabel(publicKey, label + "x", content, own));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DecryptWithLabel_VectorCiphertext_GivesPlaintextAndOwnRoundTrips(int index)
    {
        var v = Entries[index].GetProperty("encrypt_with_label");
        var label = Label(v);
        var context = v.Hex("context");
        using var keyPair = P256KeyPair.FromPrivateKey(v.Hex("priv"));
        Assert.Equal(v.HexString("pub"), Convert.ToHexString(keyPair.PublicKey));

        var plaintext = MlsCrypto.DecryptWithLabel(keyPair, label, context, v.Hex("kem_output"), v.Hex("ciphertext"));
        Assert.Equal(v.HexString("plaintext"), Convert.ToHexString(plaintext));

        var own = MlsCrypto.EncryptWithLabel(v.Hex("pub"), label, context, v.Hex("plaintext"));
        Assert.Equal(v.HexString("plaintext"), Convert.ToHexString(MlsCrypto.DecryptWithLabel(keyPair, label, context, own.KemOutput, own.Ciphertext)));
    }

    private static string Label(JsonElement v) => v.GetProperty("label").GetString()!;
}
