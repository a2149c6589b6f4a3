using System.Security.Cryptography;
using System.Text;
using MoodBot.Voice.Hpke;
using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls;

/// <summary>The cryptographic primitives of MLS cipher suite 2, MLS_128_DHKEMP256_AES128GCM_SHA256_P256
/// (RFC 9420 sections 5.1-5.2 and 17.1), the only suite DAVE uses: SHA-256, HMAC-SHA256, HKDF-SHA256,
/// AES-128-GCM, HPKE with DHKEM(P-256) and ECDSA P-256 with DER-encoded signatures.</summary>
public static class MlsCrypto
{
    public const ushort CipherSuite = 2;

    /// <summary>Nh: the hash and KDF output length.</summary>
    public const int HashLength = 32;

    /// <summary>Nk: the AEAD key length.</summary>
    public const int KeyLength = 16;

    /// <summary>Nn: the AEAD nonce length.</summary>
    public const int NonceLength = 12;

    /// <summary>The AES-GCM tag length.</summary>
    public const int TagLength = 16;

    private static ReadOnlySpan<byte> LabelPrefix => "MLS 1.0 "u8;

    public static byte[] Hash(ReadOnlySpan<byte> data) => SHA256.HashData(data);

    public static byte[] Mac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data) => HMACSHA256.HashData(key, data);

    /// <summary>MAC verification in constant time (confirmation tags, membership tags).</summary>
    public static bool VerifyMac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> tag)
    {
        Span<byte> expected = stackalloc byte[HashLength];
        HMACSHA256.HashData(key, data, expected);
        return CryptographicOperations.FixedTimeEquals(expected, tag);
    }

    /// <summary>KDF.Extract(salt, ikm).</summary>
    public static byte[] Extract(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> ikm) => HkdfSha256.Extract(salt, ikm);

    /// <summary>ExpandWithLabel(Secret, Label, Context, Length) = KDF.Expand(Secret, KDFLabel, Length),
    /// KDFLabel = { uint16 length; opaque label&lt;V&gt; = "MLS 1.0 " + Label; opaque context&lt;V&gt; } (section 5.1).</summary>
    public static byte[] ExpandWithLabel(ReadOnlySpan<byte> secret, string label, ReadOnlySpan<byte> context, int length) =>
        ExpandWithLabel(secret, Encoding.UTF8.GetBytes(label), context, length);

    /// <summary>ExpandWithLabel with the label as bytes (the MLS exporter takes an application's label as given).</summary>
    public static byte[] ExpandWithLabel(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> label, ReadOnlySpan<byte> context, int length)
    {
        var kdfLabel = new TlsWriter(64 + context.Length)
            .WriteUInt16(checked((ushort)length))
            .WriteOpaque(PrefixedLabel(label))
            .WriteOpaque(context);
        return HkdfSha256.Expand(secret, kdfLabel.WrittenSpan, length);
    }

    /// <summary>DeriveSecret(Secret, Label) = ExpandWithLabel(Secret, Label, "", Nh).</summary>
    public static byte[] DeriveSecret(ReadOnlySpan<byte> secret, string label) => ExpandWithLabel(secret, label, [], HashLength);

    public static byte[] DeriveSecret(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> label) => ExpandWithLabel(secret, label, [], HashLength);

    /// <summary>DeriveTreeSecret(Secret, Label, Generation, Length) = ExpandWithLabel(Secret, Label, uint32 Generation, Length)
    /// (section 9.1), the step of the secret tree's ratchets.</summary>
    public static byte[] DeriveTreeSecret(ReadOnlySpan<byte> secret, string label, uint generation, int length)
    {
        Span<byte> context = stackalloc byte[sizeof(uint)];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(context, generation);
        return ExpandWithLabel(secret, label, context, length);
    }

    /// <summary>RefHash(label, value) = Hash(RefHashInput { opaque label&lt;V&gt;; opaque value&lt;V&gt; })
    /// (section 5.2). The label is used as given, e.g. "MLS 1.0 KeyPackage Reference".</summary>
    public static byte[] RefHash(string label, ReadOnlySpan<byte> value) =>
        Hash(new TlsWriter().WriteOpaque(Encoding.UTF8.GetBytes(label)).WriteOpaque(value).WrittenSpan);

    /// <summary>SignWithLabel(SignatureKey, Label, Content) = Signature.Sign(SignatureKey, SignContent)
    /// with SignContent { opaque label&lt;V&gt; = "MLS 1.0 " + Label; opaque content&lt;V&gt; } (section 5.1.2).
    /// The signature is ECDSA P-256/SHA-256 in DER (RFC 3279), as MLS requires, not .NET's default r|s.</summary>
    public static byte[] SignWithLabel(ReadOnlySpan<byte> signaturePrivateKey, string label, ReadOnlySpan<byte> content)
    {
        using var keyPair = P256KeyPair.FromPrivateKey(signaturePrivateKey);
        var parameters = keyPair.PrivateParameters();
        try
        {
            using var ecdsa = ECDsa.Create(parameters);
            return ecdsa.SignData(SignContent(label, content), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(parameters.D);
        }
    }

    /// <summary>VerifyWithLabel(VerificationKey, Label, Content, SignatureValue); false for a bad signature or key.</summary>
    public static bool VerifyWithLabel(ReadOnlySpan<byte> signaturePublicKey, string label, ReadOnlySpan<byte> content, ReadOnlySpan<byte> signature)
    {
        ECParameters parameters;
        try
        {
            parameters = P256KeyPair.PublicParameters(signaturePublicKey);
        }
        catch (CryptographicException)
        {
            return false;
        }

        using var ecdsa = ECDsa.Create(parameters);
        return ecdsa.VerifyData(SignContent(label, content), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>EncryptWithLabel(PublicKey, Label, Context, Plaintext) = SealBase(PublicKey, EncryptContext, "", Plaintext)
    /// with EncryptContext { opaque label&lt;V&gt; = "MLS 1.0 " + Label; opaque context&lt;V&gt; } (section 5.1.3).</summary>
    public static HpkeCiphertext EncryptWithLabel(ReadOnlySpan<byte> publicKey, string label, ReadOnlySpan<byte> context, ReadOnlySpan<byte> plaintext)
    {
        var (enc, ciphertext) = HpkeSuite.SealBase(publicKey, EncryptContext(label, context), [], plaintext);
        return new HpkeCiphertext(enc, ciphertext);
    }

    /// <summary>DecryptWithLabel(PrivateKey, Label, Context, KEMOutput, Ciphertext) = OpenBase(KEMOutput, PrivateKey, EncryptContext, "", Ciphertext).</summary>
    public static byte[] DecryptWithLabel(P256KeyPair privateKey, string label, ReadOnlySpan<byte> context, ReadOnlySpan<byte> kemOutput, ReadOnlySpan<byte> ciphertext) =>
        HpkeSuite.OpenBase(kemOutput, privateKey, EncryptContext(label, context), [], ciphertext);

    /// <summary>AEAD.Seal with AES-128-GCM: the ciphertext with its 16-byte tag appended.</summary>
    public static byte[] AeadSeal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext)
    {
        using var aead = new AesGcm(key, TagLength);
        var sealedBytes = new byte[plaintext.Length + TagLength];
        aead.Encrypt(nonce, plaintext, sealedBytes.AsSpan(0, plaintext.Length), sealedBytes.AsSpan(plaintext.Length), aad);
        return sealedBytes;
    }

    /// <summary>AEAD.Open with AES-128-GCM; throws <see cref="CryptographicException"/> when the tag does not verify.</summary>
    public static byte[] AeadOpen(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertext)
    {
        if (ciphertext.Length < TagLength)
        {
            throw new CryptographicException("An AEAD ciphertext is at least its 16-byte tag.");
        }

        using var aead = new AesGcm(key, TagLength);
        var plaintext = new byte[ciphertext.Length - TagLength];
        aead.Decrypt(nonce, ciphertext[..^TagLength], ciphertext[^TagLength..], plaintext, aad);
        return plaintext;
    }

    /// <summary>An HPKE key pair from a secret (DeriveKeyPair, used for node keys and the external key).</summary>
    public static P256KeyPair DeriveKeyPair(ReadOnlySpan<byte> secret) => DhKemP256.DeriveKeyPair(secret);

    private static byte[] SignContent(string label, ReadOnlySpan<byte> content) =>
        new TlsWriter(64 + content.Length).WriteOpaque(PrefixedLabel(label)).WriteOpaque(content).ToArray();

    private static byte[] EncryptContext(string label, ReadOnlySpan<byte> context) =>
        new TlsWriter(64 + context.Length).WriteOpaque(PrefixedLabel(label)).WriteOpaque(context).ToArray();

    private static byte[] PrefixedLabel(string label) => PrefixedLabel(Encoding.UTF8.GetBytes(label));

    private static byte[] PrefixedLabel(ReadOnlySpan<byte> label) => [.. LabelPrefix, .. label];
}
