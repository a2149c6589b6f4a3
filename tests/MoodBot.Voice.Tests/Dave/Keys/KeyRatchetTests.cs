using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MoodBot.Voice.Dave.Keys;
using MoodBot.Voice.Mls.KeySchedule;

namespace MoodBot.Voice.Tests.Dave.Keys;

/// <summary>No public vectors exist for DAVE's ratchet, so the expected keys are derived here by hand
/// from HMAC-SHA256 alone, following the definitions, not by calling the code under test:
/// <list type="number">
/// <item>RFC 9420 section 5.1: ExpandWithLabel(Secret, Label, Context, Length) = HKDF-Expand(Secret, KDFLabel, Length)
/// with KDFLabel = uint16 length || opaque label&lt;V&gt; ("MLS 1.0 " + Label) || opaque context&lt;V&gt;; all the
/// vectors here are shorter than 64 bytes, so each &lt;V&gt; length is one byte.</item>
/// <item>RFC 5869 section 2.3: HKDF-Expand(PRK, info, L) = first L bytes of T(1) || T(2) ..., T(i) = HMAC(PRK, T(i-1) || info || i).
/// The PRK is the 16-byte base secret at generation 0, which .NET's HKDF.Expand would refuse.</item>
/// <item>DAVE whitepaper "Sender Key Derivation" / mlspp HashRatchet: key_g = ExpandWithLabel(secret_g, "key", uint32_be(g), 16),
/// secret_{g+1} = ExpandWithLabel(secret_g, "secret", uint32_be(g), 32), secret_0 = base.</item>
/// </list>
/// The hex constants were computed independently with Python's hmac/hashlib and agree with the HMAC steps.</summary>
public sealed class KeyRatchetTests
{
    private static readonly byte[] Base = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");

    [Fact]
    public void ByHand_KdfLabel_ForKeyAtGeneration0_IsTheRfcLayout()
    {
        // 0010 = length 16; 0b = |"MLS 1.0 key"| = 11; the label; 04 = |context|; uint32_be(0).
        Assert.Equal("00100B4D4C5320312E30206B65790400000000", Convert.ToHexString(KdfLabel("key", Generation(0), 16)));
    }

    [Fact]
    public void ByHand_Derivation_MatchesIndependentVector()
    {
        // Generation 0: one HMAC block keyed with the 16-byte base.
        var key0 = ExpandWithLabel(Base, "key", Generation(0), 16);
        Assert.Equal("58FC013108DBF996EF651E3F01658BFB", Convert.ToHexString(key0));

        // secret_1: one full 32-byte HMAC block.
        var secret1 = ExpandWithLabel(Base, "secret", Generation(0), 32);
        Assert.Equal("7C9D1BC8B434A8A2F8962E90CCF08559549424920355D3FC1020403F880A290F", Convert.ToHexString(secret1));

        var key1 = ExpandWithLabel(secret1, "key", Generation(1), 16);
        Assert.Equal("9CDDC08F0C8A7CFECABFE757DC33B039", Convert.ToHexString(key1));

        var secret2 = ExpandWithLabel(secret1, "secret", Generation(1), 32);
        Assert.Equal("EF2427778FB709D7D1E070846F920024", Convert.ToHexString(ExpandWithLabel(secret2, "key", Generation(2), 16)));
    }

    [Fact]
    public void TryGetKey_Generations0To2_MatchTheHandDerivedKeys()
    {
        using var ratchet = new KeyRatchet(Base);
        Assert.Equal("58FC013108DBF996EF651E3F01658BFB", Key(ratchet, 0));
        Assert.Equal("9CDDC08F0C8A7CFECABFE757DC33B039", Key(ratchet, 1));
        Assert.Equal("EF2427778FB709D7D1E070846F920024", Key(ratchet, 2));
    }

    [Fact]
    public void TryGetKey_SkippingAhead_KeepsThePassedGenerationsForLateFrames()
    {
        using var ratchet = new KeyRatchet(Base);
        Assert.Equal("EF2427778FB709D7D1E070846F920024", Key(ratchet, 2));
        Assert.Equal([0u, 1u, 2u], ratchet.RetainedKeyGenerations);
        Assert.Equal("58FC013108DBF996EF651E3F01658BFB", Key(ratchet, 0));
    }

    [Fact]
    public void Erase_Generation_CannotBeDerivedAgain()
    {
        using var ratchet = new KeyRatchet(Base);
        Key(ratchet, 1);
        ratchet.Erase(0);
        Assert.False(ratchet.TryGetKey(0, new byte[16]));
        Assert.Equal("9CDDC08F0C8A7CFECABFE757DC33B039", Key(ratchet, 1));
    }

    [Fact]
    public void TryGetKey_BeyondTheRetainedWindow_OldKeysAreWiped()
    {
        using var ratchet = new KeyRatchet(Base);
        Key(ratchet, 0);
        Key(ratchet, KeyRatchet.RetainedGenerations + 3);
        Assert.False(ratchet.TryGetKey(0, new byte[16]));
        Assert.Equal((int)KeyRatchet.RetainedGenerations, ratchet.RetainedKeyGenerations.Count);
    }

    [Fact]
    public void TryGetKey_TooFarAhead_IsRefusedWithoutDeriving()
    {
        using var ratchet = new KeyRatchet(Base);
        Assert.False(ratchet.TryGetKey(KeyRatchet.MaxGenerationGap, new byte[16]));
        Assert.Equal(0u, ratchet.NextGeneration);
        Assert.True(ratchet.TryGetKey(KeyRatchet.MaxGenerationGap - 1, new byte[16]));
    }

    [Fact]
    public void MediaKeyBase_FromEpochSecret_IsTheExporterWithLittleEndianUserId()
    {
        // epoch_secret = 0x11 * 32; exporter_secret = DeriveSecret(epoch_secret, "exporter") (RFC 9420 section 8);
        // MLS-Exporter(Label, Context, 16) = ExpandWithLabel(DeriveSecret(exporter_secret, Label), "exported", SHA-256(Context), 16)
        // (section 8.5) with Label "Discord Secure Frames v0" and Context uint64_le(user id).
        const ulong userId = 1234567890123456789;
        var epochSecret = Enumerable.Repeat((byte)0x11, 32).ToArray();
        var exporter = ExpandWithLabel(epochSecret, "exporter", [], 32);
        Assert.Equal("2C895A87FA2DD30423DFFA493645E325E9E59D3C590BA6F4EA1714D389E0DC75", Convert.ToHexString(exporter));
        var context = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(context, userId);
        var expectedBase = ExpandWithLabel(ExpandWithLabel(exporter, "Discord Secure Frames v0", [], 32), "exported", SHA256.HashData(context), 16);
        Assert.Equal("679211F2D44EE26341E2D8F06942F8FD", Convert.ToHexString(expectedBase));

        using var epoch = new EpochSecrets(new byte[32], new byte[32], epochSecret);
        Assert.Equal("679211F2D44EE26341E2D8F06942F8FD", Convert.ToHexString(MediaKeyBase.Derive(epoch, userId)));
        using var ratchet = MediaKeyBase.Ratchet(epoch, userId);
        Assert.Equal("08A92F6C02E4A2BEA5D52264BA9F69C2", Key(ratchet, 0));
    }

    private static string Key(KeyRatchet ratchet, uint generation)
    {
        var key = new byte[16];
        Assert.True(ratchet.TryGetKey(generation, key), $"no key for generation {generation}");
        return Convert.ToHexString(key);
    }

    private static byte[] Generation(uint g)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, g);
        return bytes;
    }

    private static byte[] KdfLabel(string label, byte[] context, int length)
    {
        var fullLabel = Encoding.ASCII.GetBytes("MLS 1.0 " + label);
        return [(byte)(length >> 8), (byte)length, (byte)fullLabel.Length, .. fullLabel, (byte)context.Length, .. context];
    }

    private static byte[] ExpandWithLabel(byte[] secret, string label, byte[] context, int length)
    {
        var info = KdfLabel(label, context, length);
        var okm = new List<byte>();
        var previous = Array.Empty<byte>();
        for (byte i = 1; okm.Count < length; i++)
        {
            byte[] block = [.. previous, .. info, i];
            previous = HMACSHA256.HashData(secret, block);
            okm.AddRange(previous);
        }

        return [.. okm.Take(length)];
    }
}
