using System.Security.Cryptography;

namespace MoodBot.Voice.Hpke;

/// <summary>HPKE (RFC 9180) for DHKEM(P-256, HKDF-SHA256), HKDF-SHA256 and AES-128-GCM, the suite
/// MLS cipher suite 2 names. Setup functions return the KEM output and a context.</summary>
public static class HpkeSuite
{
    public const ushort KdfId = 0x0001;
    public const ushort AeadId = 0x0001;

    /// <summary>suite_id = "HPKE" | I2OSP(kem_id, 2) | I2OSP(kdf_id, 2) | I2OSP(aead_id, 2) (section 5.1).</summary>
    internal static ReadOnlySpan<byte> SuiteId => "HPKE\0\x10\0\x01\0\x01"u8;

    /// <summary>SetupBaseS(pkR, info) with a fresh ephemeral key.</summary>
    public static (byte[] Enc, HpkeContext Context) SetupBaseSender(ReadOnlySpan<byte> recipientPublicKey, ReadOnlySpan<byte> info)
    {
        var kem = DhKemP256.Encap(recipientPublicKey);
        return (kem.Enc, KeySchedule(HpkeMode.Base, kem.SharedSecret, info, [], []));
    }

    /// <summary>SetupBaseR(enc, skR, info).</summary>
    public static HpkeContext SetupBaseRecipient(ReadOnlySpan<byte> enc, P256KeyPair recipient, ReadOnlySpan<byte> info) =>
        KeySchedule(HpkeMode.Base, DhKemP256.Decap(enc, recipient), info, [], []);

    /// <summary>Single-shot SealBase (section 6.1): one message, sequence number 0.</summary>
    public static (byte[] Enc, byte[] Ciphertext) SealBase(ReadOnlySpan<byte> recipientPublicKey, ReadOnlySpan<byte> info, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext)
    {
        var (enc, context) = SetupBaseSender(recipientPublicKey, info);
        using (context)
        {
            return (enc, context.Seal(aad, plaintext));
        }
    }

    /// <summary>Single-shot OpenBase (section 6.1).</summary>
    public static byte[] OpenBase(ReadOnlySpan<byte> enc, P256KeyPair recipient, ReadOnlySpan<byte> info, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertext)
    {
        using var context = SetupBaseRecipient(enc, recipient, info);
        return context.Open(aad, ciphertext);
    }

    /// <summary>KeySchedule(mode, shared_secret, info, psk, psk_id) (section 5.1). The shared secret
    /// is wiped once the context's keys are derived from it.</summary>
    public static HpkeContext KeySchedule(HpkeMode mode, byte[] sharedSecret, ReadOnlySpan<byte> info, ReadOnlySpan<byte> psk, ReadOnlySpan<byte> pskId)
    {
        ArgumentNullException.ThrowIfNull(sharedSecret);
        VerifyPskInputs(mode, psk, pskId);

        var keyScheduleContext = KeyScheduleContext(mode, info, pskId);
        var secret = HpkeLabels.Extract(SuiteId, sharedSecret, "secret"u8, psk);
        CryptographicOperations.ZeroMemory(sharedSecret);
        try
        {
            var key = HpkeLabels.Expand(SuiteId, secret, "key"u8, keyScheduleContext, HpkeContext.KeyLength);
            var baseNonce = HpkeLabels.Expand(SuiteId, secret, "base_nonce"u8, keyScheduleContext, HpkeContext.NonceLength);
            var exporterSecret = HpkeLabels.Expand(SuiteId, secret, "exp"u8, keyScheduleContext, HkdfSha256.HashLength);
            return new HpkeContext(key, baseNonce, exporterSecret);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>key_schedule_context = mode | LabeledExtract("", "psk_id_hash", psk_id) | LabeledExtract("", "info_hash", info).</summary>
    internal static byte[] KeyScheduleContext(HpkeMode mode, ReadOnlySpan<byte> info, ReadOnlySpan<byte> pskId)
    {
        var pskIdHash = HpkeLabels.Extract(SuiteId, [], "psk_id_hash"u8, pskId);
        var infoHash = HpkeLabels.Extract(SuiteId, [], "info_hash"u8, info);
        return [(byte)mode, .. pskIdHash, .. infoHash];
    }

    /// <summary>VerifyPSKInputs (section 5.1): a PSK and its id come together, and only in the PSK modes.</summary>
    private static void VerifyPskInputs(HpkeMode mode, ReadOnlySpan<byte> psk, ReadOnlySpan<byte> pskId)
    {
        if (psk.IsEmpty != pskId.IsEmpty)
        {
            throw new ArgumentException("Inconsistent PSK inputs: give both psk and psk_id or neither.");
        }

        var usesPsk = mode is HpkeMode.Psk or HpkeMode.AuthPsk;
        if (usesPsk == psk.IsEmpty)
        {
            throw new ArgumentException(usesPsk ? "Missing required PSK input." : "A PSK was given in a mode without one.");
        }
    }
}
