using System.Text;
using Microsoft.Extensions.Options;
using MoodBot.Discord;
using MoodBot.Discord.Interactions;
using NSec.Cryptography;

namespace MoodBot.Tests.Discord.Interactions;

public sealed class InteractionSignatureTests
{
    // RFC 8032 section 7.1, TEST 2: the one-byte message 0x72 ("r").
    private const string Rfc8032PublicKey = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
    private const string Rfc8032Signature =
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

    [Fact]
    public void Verify_Rfc8032Test2_IsValid_AsTimestampPlusBody()
    {
        var signature = For(Rfc8032PublicKey);

        // The signed bytes are timestamp + body; "r" + "" is the RFC's message.
        Assert.True(signature.Verify("r", Rfc8032Signature, []));
        Assert.True(signature.Verify("r", Rfc8032Signature.ToUpperInvariant(), []));
    }

    [Fact]
    public void Verify_AnyChangedBit_IsInvalid()
    {
        var signature = For(Rfc8032PublicKey);
        var flipped = Convert.FromHexString(Rfc8032Signature);
        flipped[10] ^= 1;

        Assert.False(signature.Verify("r", Convert.ToHexString(flipped), []));
        Assert.False(signature.Verify("s", Rfc8032Signature, []));
        Assert.False(signature.Verify("", Rfc8032Signature, "r"u8));
        Assert.False(signature.Verify("r", Rfc8032Signature, "x"u8));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("zz")]
    [InlineData("not hex at all, but exactly one hundred and twenty-eight characters long so only the hex check catches it......")]
    public void Verify_MissingOrMalformedSignature_IsInvalid(string? signatureHex) =>
        Assert.False(For(Rfc8032PublicKey).Verify("1700000000", signatureHex, "{}"u8));

    [Fact]
    public void Verify_ADiscordStyleRequest_SignedWithTheAppKey_IsValid()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var body = """{"type":1,"id":"1","application_id":"2","token":"t"}"""u8.ToArray();
        var signed = Sign(key, "1700000000", body);

        var signature = For(Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));

        Assert.True(signature.Verify("1700000000", signed, body));
        Assert.False(signature.Verify("1700000001", signed, body));
    }

    [Fact]
    public void WithoutAPublicKey_TheEndpointIsOff_AndNothingVerifies()
    {
        var signature = new InteractionSignature(Options.Create(new DiscordOptions()));

        Assert.False(signature.IsEnabled);
        Assert.False(signature.Verify("r", Rfc8032Signature, []));
    }

    internal static string Sign(Key key, string timestamp, byte[] body) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]));

    private static InteractionSignature For(string publicKeyHex) =>
        new(Options.Create(new DiscordOptions { PublicKey = publicKeyHex }));
}
