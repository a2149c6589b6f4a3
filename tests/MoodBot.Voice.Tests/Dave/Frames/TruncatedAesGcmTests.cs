using MoodBot.Voice.Dave.Frames;

namespace MoodBot.Voice.Tests.Dave.Frames;

/// <summary>The truncated-tag primitive against the AES-128 GCM test cases 1-4 of McGrew and Viega,
/// "The Galois/Counter Mode of Operation (GCM)", revised 2005, appendix B (the same values as NIST's
/// gcmEncryptExtIV128 set). A truncated tag is the leading bytes of the full one (SP 800-38D 5.2.1.2),
/// so each case's expected 8-byte tag is the first half of the published 16-byte tag. The values were
/// also re-checked against OpenSSL through Python's cryptography package.</summary>
public sealed class TruncatedAesGcmTests
{
    public static TheoryData<string, string, string, string, string, string> Cases => new()
    {
        // Test case 1: zero key and IV, empty plaintext.
        { "00000000000000000000000000000000", "000000000000000000000000", "", "", "", "58e2fccefa7e3061367f1d57a4e7455a" },

        // Test case 2: one zero block.
        { "00000000000000000000000000000000", "000000000000000000000000", "00000000000000000000000000000000", "", "0388dace60b6a392f328c2b971b2fe78", "ab6e47d42cec13bdf53a67b21257bddf" },

        // Test case 3: four blocks, no AAD.
        {
            "feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255",
            "",
            "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985",
            "4d5c2af327cd64a62cf35abd2ba6fab4"
        },

        // Test case 4: a partial last block and 20 bytes of AAD.
        {
            "feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888",
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
            "feedfacedeadbeeffeedfacedeadbeefabaddad2",
            "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
            "5bc94fbc3221a5db94fae95ae7121a47"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encrypt_GcmSpecCase_GivesCiphertextAndLeadingTagBytes(string key, string iv, string plaintext, string aad, string ciphertext, string tag)
    {
        using var gcm = new TruncatedAesGcm(Convert.FromHexString(key));
        var p = Convert.FromHexString(plaintext);
        var c = new byte[p.Length];
        var t = new byte[8];
        gcm.Encrypt(Convert.FromHexString(iv), p, c, t, Convert.FromHexString(aad));
        Assert.Equal(ciphertext, Convert.ToHexStringLower(c));
        Assert.Equal(tag[..16], Convert.ToHexStringLower(t));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TryDecrypt_GcmSpecCase_RecoversPlaintext(string key, string iv, string plaintext, string aad, string ciphertext, string tag)
    {
        using var gcm = new TruncatedAesGcm(Convert.FromHexString(key));
        var c = Convert.FromHexString(ciphertext);
        var p = new byte[c.Length];
        Assert.True(gcm.TryDecrypt(Convert.FromHexString(iv), c, Convert.FromHexString(tag[..16]), p, Convert.FromHexString(aad)));
        Assert.Equal(plaintext, Convert.ToHexStringLower(p));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TryDecrypt_AnyFlippedBit_IsRejectedAndPlaintextWiped(string key, string iv, string plaintext, string aad, string ciphertext, string tag)
    {
        _ = plaintext;
        using var gcm = new TruncatedAesGcm(Convert.FromHexString(key));
        var nonce = Convert.FromHexString(iv);
        var c = Convert.FromHexString(ciphertext);
        var t = Convert.FromHexString(tag[..16]);
        var a = Convert.FromHexString(aad);

        for (var bit = 0; bit < t.Length * 8; bit++)
        {
            var bad = (byte[])t.Clone();
            bad[bit / 8] ^= (byte)(1 << (bit % 8));
            var p = new byte[c.Length];
            Assert.False(gcm.TryDecrypt(nonce, c, bad, p, a), $"tag bit {bit}");
            Assert.All(p, b => Assert.Equal(0, b));
        }

        for (var i = 0; i < c.Length; i++)
        {
            var bad = (byte[])c.Clone();
            bad[i] ^= 0x01;
            Assert.False(gcm.TryDecrypt(nonce, bad, t, new byte[c.Length], a), $"ciphertext byte {i}");
        }

        if (a.Length > 0)
        {
            var bad = (byte[])a.Clone();
            bad[^1] ^= 0x80;
            Assert.False(gcm.TryDecrypt(nonce, c, t, new byte[c.Length], bad));
        }
    }
}
