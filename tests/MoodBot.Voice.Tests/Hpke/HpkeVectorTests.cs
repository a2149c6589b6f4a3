using System.Text.Json;
using MoodBot.Voice.Hpke;

namespace MoodBot.Voice.Tests.Hpke;

/// <summary>RFC 9180 appendix A vectors for DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-128-GCM:
/// all four modes, every encryption and export. MLS needs only mode 0; the others cost little.</summary>
public sealed class HpkeVectorTests
{
    public static TheoryData<int> Modes => [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(Modes))]
    public void DeriveKeyPair_Ikm_GivesVectorKeys(int mode)
    {
        var v = Entry(mode);
        using var recipient = DhKemP256.DeriveKeyPair(v.Hex("ikmR"));
        using var ephemeral = DhKemP256.DeriveKeyPair(v.Hex("ikmE"));

        Assert.Equal(v.HexString("skRm"), Convert.ToHexString(recipient.PrivateKey));
        Assert.Equal(v.HexString("pkRm"), Convert.ToHexString(recipient.PublicKey));
        Assert.Equal(v.HexString("skEm"), Convert.ToHexString(ephemeral.PrivateKey));
        Assert.Equal(v.HexString("pkEm"), Convert.ToHexString(ephemeral.PublicKey));
        if (v.TryGetProperty("ikmS", out _))
        {
            using var sender = DhKemP256.DeriveKeyPair(v.Hex("ikmS"));
            Assert.Equal(v.HexString("skSm"), Convert.ToHexString(sender.PrivateKey));
            Assert.Equal(v.HexString("pkSm"), Convert.ToHexString(sender.PublicKey));
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void EncapDecap_VectorKeys_AgreeOnSharedSecret(int mode)
    {
        var v = Entry(mode);
        var (enc, senderSecret, recipientSecret) = Kem(v);

        Assert.Equal(v.HexString("enc"), Convert.ToHexString(enc));
        Assert.Equal(v.HexString("shared_secret"), Convert.ToHexString(senderSecret));
        Assert.Equal(v.HexString("shared_secret"), Convert.ToHexString(recipientSecret));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void KeySchedule_SharedSecret_GivesVectorKeyNonceAndExporterSecret(int mode)
    {
        var v = Entry(mode);
        Assert.Equal(v.HexString("key_schedule_context"), Convert.ToHexString(HpkeSuite.KeyScheduleContext((HpkeMode)mode, v.Hex("info"), PskId(v))));

        using var context = Schedule(v, v.Hex("shared_secret"));
        Assert.Equal(v.HexString("key"), Convert.ToHexString(context.Key));
        Assert.Equal(v.HexString("base_nonce"), Convert.ToHexString(context.BaseNonce));
        Assert.Equal(v.HexString("exporter_secret"), Convert.ToHexString(context.ExporterSecret));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void SealOpen_EveryVectorEncryption_MatchesInSequence(int mode)
    {
        var v = Entry(mode);
        var (_, senderSecret, recipientSecret) = Kem(v);
        using var sender = Schedule(v, senderSecret);
        using var recipient = Schedule(v, recipientSecret);
        var encryptions = v.GetProperty("encryptions").EnumerateArray().ToArray();
        Assert.Equal(257, encryptions.Length);

        Span<byte> nonce = stackalloc byte[HpkeContext.NonceLength];
        for (var seq = 0; seq < encryptions.Length; seq++)
        {
            var e = encryptions[seq];
            sender.ComputeNonce(nonce);
            Assert.True(e.HexString("nonce") == Convert.ToHexString(nonce), $"mode {mode} encryption {seq}: nonce");

            var sealedMessage = sender.Seal(e.Hex("aad"), e.Hex("pt"));
            Assert.True(e.HexString("ct") == Convert.ToHexString(sealedMessage), $"mode {mode} encryption {seq}: ciphertext");

            var opened = recipient.Open(e.Hex("aad"), e.Hex("ct"));
            Assert.True(e.HexString("pt") == Convert.ToHexString(opened), $"mode {mode} encryption {seq}: plaintext");
        }

        Assert.Equal(257UL, sender.Sequence);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Export_EveryVectorExport_Matches(int mode)
    {
        var v = Entry(mode);
        using var context = Schedule(v, v.Hex("shared_secret"));
        var exports = v.GetProperty("exports").EnumerateArray().ToArray();
        Assert.NotEmpty(exports);
        for (var i = 0; i < exports.Length; i++)
        {
            var x = exports[i];
            var value = context.Export(x.Hex("exporter_context"), x.Int("L"));
            Assert.True(x.HexString("exported_value") == Convert.ToHexString(value), $"mode {mode} export {i}");
        }
    }

    [Fact]
    public void Open_TamperedCiphertext_ThrowsAndKeepsSequence()
    {
        var v = Entry(0);
        using var recipient = Schedule(v, v.Hex("shared_secret"));
        var first = v.GetProperty("encryptions")[0];
        var ct = first.Hex("ct");
        ct[^1] ^= 1;

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => recipient.Open(first.Hex("aad"), ct));
        Assert.Equal(0UL, recipient.Sequence);
        Assert.Equal(first.HexString("pt"), Convert.ToHexString(recipient.Open(first.Hex("aad"), first.Hex("ct"))));
    }

    [Fact]
    public void SealBaseOpenBase_RandomEphemeral_RoundTrips()
    {
        using var recipient = P256KeyPair.Generate();
        var (enc, ct) = HpkeSuite.SealBase(recipient.PublicKey, "info"u8, "aad"u8, "hello"u8);
        Assert.Equal("hello"u8.ToArray(), HpkeSuite.OpenBase(enc, recipient, "info"u8, "aad"u8, ct));
    }

    private static JsonElement Entry(int mode)
    {
        var entries = ReferenceVectors.Load("hpke-rfc9180", "test-vectors-dhkem-p256-hkdf-sha256-aes128gcm.json")
            .EnumerateArray()
            .Where(e => e.Int("mode") == mode && e.Int("kem_id") == DhKemP256.KemId && e.Int("kdf_id") == HpkeSuite.KdfId && e.Int("aead_id") == HpkeSuite.AeadId)
            .ToArray();
        return Assert.Single(entries);
    }

    private static (byte[] Enc, byte[] SenderSecret, byte[] RecipientSecret) Kem(JsonElement v)
    {
        using var recipient = DhKemP256.DeriveKeyPair(v.Hex("ikmR"));
        using var ephemeral = DhKemP256.DeriveKeyPair(v.Hex("ikmE"));
        if (v.TryGetProperty("ikmS", out _))
        {
            using var sender = DhKemP256.DeriveKeyPair(v.Hex("ikmS"));
            var auth = DhKemP256.AuthEncap(recipient.PublicKey, sender, ephemeral);
            return (auth.Enc, auth.SharedSecret, DhKemP256.AuthDecap(auth.Enc, recipient, sender.PublicKey));
        }

        var kem = DhKemP256.Encap(recipient.PublicKey, ephemeral);
        return (kem.Enc, kem.SharedSecret, DhKemP256.Decap(kem.Enc, recipient));
    }

    private static HpkeContext Schedule(JsonElement v, byte[] sharedSecret) =>
        HpkeSuite.KeySchedule((HpkeMode)v.Int("mode"), sharedSecret, v.Hex("info"), Psk(v), PskId(v));

    private static byte[] Psk(JsonElement v) => v.TryGetProperty("psk", out _) ? v.Hex("psk") : [];

    private static byte[] PskId(JsonElement v) => v.TryGetProperty("psk_id", out _) ? v.Hex("psk_id") : [];
}
