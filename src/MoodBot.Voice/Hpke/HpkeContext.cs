using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MoodBot.Voice.Hpke;

/// <summary>An HPKE encryption context (RFC 9180 section 5.2): the AEAD key, the base nonce, the
/// exporter secret and the sequence number. A context is used in one role, sender (Seal) or
/// recipient (Open); each call moves the sequence number on, so messages must be opened in order.</summary>
public sealed class HpkeContext : IDisposable
{
    public const int KeyLength = 16;
    public const int NonceLength = 12;
    public const int TagLength = 16;

    private readonly AesGcm _aead;
    private readonly byte[] _key;
    private readonly byte[] _baseNonce;
    private readonly byte[] _exporterSecret;

    internal HpkeContext(byte[] key, byte[] baseNonce, byte[] exporterSecret)
    {
        _key = key;
        _baseNonce = baseNonce;
        _exporterSecret = exporterSecret;
        _aead = new AesGcm(key, TagLength);
    }

    /// <summary>The number of messages sealed or opened so far.</summary>
    public ulong Sequence { get; private set; }

    internal ReadOnlySpan<byte> Key => _key;

    internal ReadOnlySpan<byte> BaseNonce => _baseNonce;

    internal ReadOnlySpan<byte> ExporterSecret => _exporterSecret;

    /// <summary>ContextS.Seal(aad, pt): ciphertext with the 16-byte tag appended.</summary>
    public byte[] Seal(ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext)
    {
        var sealedMessage = new byte[plaintext.Length + TagLength];
        Span<byte> nonce = stackalloc byte[NonceLength];
        ComputeNonce(nonce);
        _aead.Encrypt(nonce, plaintext, sealedMessage.AsSpan(0, plaintext.Length), sealedMessage.AsSpan(plaintext.Length), aad);
        IncrementSequence();
        return sealedMessage;
    }

    /// <summary>ContextR.Open(aad, ct); throws <see cref="AuthenticationTagMismatchException"/> when
    /// the tag does not verify, and then the sequence number stays where it was.</summary>
    public byte[] Open(ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertext)
    {
        if (ciphertext.Length < TagLength)
        {
            throw new CryptographicException("An HPKE ciphertext is at least the 16-byte tag.");
        }

        var plaintext = new byte[ciphertext.Length - TagLength];
        Span<byte> nonce = stackalloc byte[NonceLength];
        ComputeNonce(nonce);
        _aead.Decrypt(nonce, ciphertext[..plaintext.Length], ciphertext[plaintext.Length..], plaintext, aad);
        IncrementSequence();
        return plaintext;
    }

    /// <summary>Context.Export(exporter_context, L) = LabeledExpand(exporter_secret, "sec", exporter_context, L).</summary>
    public byte[] Export(ReadOnlySpan<byte> exporterContext, int length) =>
        HpkeLabels.Expand(HpkeSuite.SuiteId, _exporterSecret, "sec"u8, exporterContext, length);

    /// <summary>base_nonce XOR I2OSP(seq, Nn) (RFC 9180 section 5.2); the sequence fills the low 8 bytes.</summary>
    internal void ComputeNonce(Span<byte> nonce)
    {
        _baseNonce.CopyTo(nonce);
        Span<byte> seq = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64BigEndian(seq, Sequence);
        for (var i = 0; i < seq.Length; i++)
        {
            nonce[NonceLength - sizeof(ulong) + i] ^= seq[i];
        }
    }

    // The RFC's limit is 2^96 - 1; a 64-bit counter reaches its own end long before any real use would.
    private void IncrementSequence() =>
        Sequence = Sequence == ulong.MaxValue ? throw new CryptographicException("MessageLimitReachedError") : Sequence + 1;

    public void Dispose()
    {
        _aead.Dispose();
        CryptographicOperations.ZeroMemory(_key);
        CryptographicOperations.ZeroMemory(_baseNonce);
        CryptographicOperations.ZeroMemory(_exporterSecret);
    }
}
