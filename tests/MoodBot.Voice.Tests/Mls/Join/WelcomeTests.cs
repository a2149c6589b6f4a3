using System.Text.Json;
using MoodBot.Voice.Hpke;
using MoodBot.Voice.Mls;
using MoodBot.Voice.Mls.Join;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Tests.Mls.Join;

/// <summary>welcome.json, cipher suite 2: the Welcome's group secrets decrypt with init_priv, the
/// GroupInfo decrypts under the welcome key and its signature verifies with signer_pub.</summary>
public sealed class WelcomeTests
{
    public static TheoryData<int> Cases => ReferenceVectors.Indexes(Entries.Length);

    private static JsonElement[] Entries => ReferenceVectors.MlsSuite2("welcome.json");

    [Fact]
    public void Vectors_CipherSuite2_HasEntries() => Assert.NotEmpty(Entries);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decrypt_Vector_GivesGroupInfoSignedBySigner(int index)
    {
        var v = Entries[index];
        var welcome = MlsMessage.Decode(v.Hex("welcome")).Welcome!;
        var keyPackage = MlsMessage.Decode(v.Hex("key_package")).KeyPackage!;
        using var initKey = P256KeyPair.FromPrivateKey(v.Hex("init_priv"));

        Assert.True(keyPackage.VerifySignature(), $"case {index}: key package signature");
        var secrets = WelcomeDecryption.DecryptGroupSecrets(welcome, keyPackage, initKey);
        Assert.True(secrets.Psks.Length == 0, $"case {index}: the vector uses no PSKs");
        var groupInfo = WelcomeDecryption.DecryptGroupInfo(welcome, secrets.JoinerSecret, []);
        Assert.True(groupInfo.VerifySignature(v.Hex("signer_pub")), $"case {index}: GroupInfo signature");
        Assert.Equal(MlsCrypto.CipherSuite, groupInfo.GroupContext.CipherSuite);
    }

    [Fact]
    public void DecryptGroupSecrets_OtherKeyPackage_ThrowsMlsValidationException()
    {
        var v = Entries[0];
        var welcome = MlsMessage.Decode(v.Hex("welcome")).Welcome!;
        var keyPackage = MlsMessage.Decode(v.Hex("key_package")).KeyPackage!;
        using var initKey = P256KeyPair.FromPrivateKey(v.Hex("init_priv"));
        var other = keyPackage with { Extensions = [new Extension(0xF0F0, [1])] };
        Assert.Throws<MlsValidationException>(() => WelcomeDecryption.DecryptGroupSecrets(welcome, other, initKey));
    }

    [Fact]
    public void DecryptGroupInfo_WrongJoinerSecret_ThrowsCryptographicException()
    {
        var welcome = MlsMessage.Decode(Entries[0].Hex("welcome")).Welcome!;
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => WelcomeDecryption.DecryptGroupInfo(welcome, new byte[32], []));
    }
}
