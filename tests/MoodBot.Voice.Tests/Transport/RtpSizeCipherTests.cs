using MoodBot.Voice.Transport;
using NSec.Cryptography;

namespace MoodBot.Voice.Tests.Transport;

public sealed class RtpSizeCipherTests
{
    // Known answers, derived outside this code base (Python's `cryptography` on OpenSSL for
    // AES-256-GCM and ChaCha20-Poly1305, plus a 20-line HChaCha20 checked against
    // draft-irtf-cfrg-xchacha-03 section 2.2.1) by following Discord's rtpsize rules step by step:
    //   1. key = 01 02 .. 20 (32 bytes).
    //   2. RTP header: 80 (V=2, no X, CC=0) 78 (PT 120), sequence 0x1234, timestamp 12345678
    //      (0x00BC614E), SSRC 0xCAFEBABE, all big-endian: 8078123400bc614ecafebabe. No CSRCs and
    //      no extension, so all 12 bytes are the AAD.
    //   3. Payload: the Opus silence frame f8fffe.
    //   4. Nonce counter 7, written big-endian: 00000007; the AEAD nonce is those 4 bytes followed
    //      by zeros: 12 bytes for AES-GCM, 24 for XChaCha20 (whose HChaCha20 subkey takes nonce
    //      bytes 0-15 and ChaCha20-Poly1305 takes 00000000 || bytes 16-23).
    //   5. Packet = header || ciphertext (3 bytes) || tag (16) || 00000007.
    private const string Header = "8078123400bc614ecafebabe";
    private const string Payload = "f8fffe";
    private const uint Nonce = 7;
    private const string AesPacket = Header + "944e7c" + "f9ebfa1dcf7ea980566872e000f572c5" + "00000007";
    private const string XChaChaPacket = Header + "4340d5" + "a777a7e1b4c40f12a94e7a7289dc3dd4" + "00000007";

    // Same key, nonce and payload, with the X bit set (first byte 0x90) and a one-word extension:
    // preamble bede0001 is the 16th and last AAD byte; the body 10ff0000 is encrypted ahead of the
    // payload, so the plaintext sealed is 10ff0000f8fffe.
    private const string AesPacketWithExtension =
        "9078123400bc614ecafebabe" + "bede0001" + "7c4e8269419b87" + "1d10d22b54c6418b48bbf300440a8bdf" + "00000007";

    private static byte[] Key => [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    public static TheoryData<TransportEncryptionMode, string> KnownPackets => new()
    {
        { TransportEncryptionMode.Aes256GcmRtpSize, AesPacket },
        { TransportEncryptionMode.XChaCha20Poly1305RtpSize, XChaChaPacket },
    };

    [Theory]
    [MemberData(nameof(KnownPackets))]
    public void Seal_KnownKeyHeaderPayload_GivesKnownPacket(TransportEncryptionMode mode, string expected)
    {
        using var cipher = new RtpSizeCipher(mode, Key);
        var packet = new byte[RtpPacketizer.PacketLength(3)];

        var length = cipher.Seal(Convert.FromHexString(Header), Convert.FromHexString(Payload), Nonce, packet);

        Assert.Equal(packet.Length, length);
        Assert.Equal(expected, Convert.ToHexString(packet), ignoreCase: true);
    }

    [Theory]
    [MemberData(nameof(KnownPackets))]
    public void TryOpen_KnownPacket_GivesHeaderAndPayload(TransportEncryptionMode mode, string packet)
    {
        using var cipher = new RtpSizeCipher(mode, Key);

        Assert.True(cipher.TryOpen(Convert.FromHexString(packet), out var header, out var payload));

        Assert.Equal(new RtpHeader(0x1234, 12345678, 0xCAFEBABE), header);
        Assert.Equal(Payload, Convert.ToHexString(payload), ignoreCase: true);
    }

    [Fact]
    public void TryOpen_ExtensionBodyEncrypted_SkipsBodyAndReturnsPayload()
    {
        using var cipher = new RtpSizeCipher(TransportEncryptionMode.Aes256GcmRtpSize, Key);

        Assert.True(cipher.TryOpen(Convert.FromHexString(AesPacketWithExtension), out var header, out var payload));

        Assert.Equal(0xCAFEBABE, header.Ssrc);
        Assert.Equal(Payload, Convert.ToHexString(payload), ignoreCase: true);
    }

    [Theory]
    [MemberData(nameof(KnownPackets))]
    public void TryOpen_AnyByteFlipped_Fails(TransportEncryptionMode mode, string packet)
    {
        using var cipher = new RtpSizeCipher(mode, Key);
        var bytes = Convert.FromHexString(packet);
        for (var i = 0; i < bytes.Length; i++)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[i] ^= 0x01;
            // Byte 0 bit 0 is part of the CSRC count, so that flip changes the header length too;
            // either way the packet must not open.
            Assert.False(cipher.TryOpen(tampered, out _, out _), $"byte {i} flipped still opened");
        }
    }

    [Theory]
    [InlineData(TransportEncryptionMode.Aes256GcmRtpSize)]
    [InlineData(TransportEncryptionMode.XChaCha20Poly1305RtpSize)]
    public void SealThenOpen_RandomFrames_RoundTrip(TransportEncryptionMode mode)
    {
        using var cipher = new RtpSizeCipher(mode, Key);
        var random = new Random(8);
        for (uint nonce = 0; nonce < 50; nonce++)
        {
            var frame = new byte[random.Next(0, 400)];
            random.NextBytes(frame);
            var header = new RtpHeader((ushort)nonce, nonce * 960, 42);
            var headerBytes = new byte[RtpHeader.Size];
            header.Write(headerBytes);
            var packet = new byte[RtpPacketizer.PacketLength(frame.Length)];

            cipher.Seal(headerBytes, frame, nonce, packet);

            Assert.True(cipher.TryOpen(packet, out var openedHeader, out var opened));
            Assert.Equal(header, openedHeader);
            Assert.Equal(frame, opened);
        }
    }

    [Fact]
    public void TryOpen_OtherKey_Fails()
    {
        using var cipher = new RtpSizeCipher(TransportEncryptionMode.Aes256GcmRtpSize, new byte[32]);

        Assert.False(cipher.TryOpen(Convert.FromHexString(AesPacket), out _, out _));
    }

    [Fact]
    public void TryOpen_Truncated_Fails()
    {
        using var cipher = new RtpSizeCipher(TransportEncryptionMode.Aes256GcmRtpSize, Key);
        var packet = Convert.FromHexString(AesPacket);

        for (var length = 0; length < RtpHeader.Size + RtpSizeCipher.Overhead; length++)
        {
            Assert.False(cipher.TryOpen(packet.AsSpan(0, length), out _, out _));
        }
    }

    /// <summary>
    /// draft-irtf-cfrg-xchacha-03 appendix A.3.1, run through the same NSec algorithm the cipher
    /// uses, so the library (not only our packet layout) is checked against the published answer.
    /// </summary>
    [Fact]
    public void XChaCha20Poly1305_DraftAppendixA31_GivesPublishedCiphertextAndTag()
    {
        var key = Convert.FromHexString("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        var nonce = Convert.FromHexString("404142434445464748494a4b4c4d4e4f5051525354555657");
        var aad = Convert.FromHexString("50515253c0c1c2c3c4c5c6c7");
        var plaintext = "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it."u8;
        const string Expected =
            "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39" +
            "ae64c6708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9" +
            "21f9664c97637da9768812f615c68b13b52e" + "c0875924c1c7987947deafd8780acf49";
        using var nsecKey = NSec.Cryptography.Key.Import(AeadAlgorithm.XChaCha20Poly1305, key, KeyBlobFormat.RawSymmetricKey);

        var sealedBytes = AeadAlgorithm.XChaCha20Poly1305.Encrypt(nsecKey, nonce, aad, plaintext);

        Assert.Equal(Expected, Convert.ToHexString(sealedBytes), ignoreCase: true);
    }
}
