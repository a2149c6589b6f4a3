using System.Buffers;
using System.Security.Cryptography;

namespace MoodBot.Voice.Dave.Frames;

/// <summary>AES-128-GCM with the tag truncated to 8 bytes, as DAVE frames carry it
/// (whitepaper "Frame Encryption"; NIST SP 800-38D section 5.2.1.2: a t-bit tag is MSB_t of the full tag).</summary>
/// <remarks>
/// .NET's <see cref="AesGcm"/> accepts tags of 12 to 16 bytes only, so it can neither produce nor
/// check an 8-byte tag directly. Everything is still done by the platform's GCM, never by a GHASH
/// of our own:
/// <list type="bullet">
/// <item>Seal: encrypt with the full 16-byte tag and keep its first 8 bytes, which is the definition
/// of a truncated GCM tag.</item>
/// <item>Open: GCM's ciphertext is plaintext XOR a keystream that depends only on key and nonce
/// (counter blocks inc32(J0), inc32^2(J0), ...), so "encrypting" the ciphertext yields the plaintext
/// (that pass's tag is discarded). Encrypting that plaintext again gives back the received ciphertext
/// and, as its tag, the genuine full tag over the received ciphertext and AAD, whose first 8 bytes are
/// compared in constant time. Nothing new is produced under the key and nonce: the second pass
/// recomputes exactly the sender's output. The plaintext is wiped and not returned if the tag fails.</item>
/// </list>
/// Opening costs two GCM passes; DAVE audio frames are a few hundred bytes, 50 a second per sender.
/// </remarks>
public sealed class TruncatedAesGcm : IDisposable
{
    public const int KeyLength = 16;
    public const int NonceLength = 12;
    public const int TagLength = 8;
    private const int FullTagLength = 16;

    private readonly AesGcm _gcm;

    public TruncatedAesGcm(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyLength)
        {
            throw new ArgumentException($"An AES-128 key is {KeyLength} bytes.", nameof(key));
        }

        _gcm = new AesGcm(key, FullTagLength);
    }

    public void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> associatedData = default)
    {
        CheckNonce(nonce);
        if (tag.Length != TagLength)
        {
            throw new ArgumentException($"The truncated tag is {TagLength} bytes.", nameof(tag));
        }

        Span<byte> fullTag = stackalloc byte[FullTagLength];
        _gcm.Encrypt(nonce, plaintext, ciphertext, fullTag, associatedData);
        fullTag[..TagLength].CopyTo(tag);
    }

    /// <summary>Decrypts into <paramref name="plaintext"/> when the 8-byte tag verifies; false (and the
    /// plaintext buffer zeroed) when it does not.</summary>
    public bool TryDecrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> associatedData = default)
    {
        CheckNonce(nonce);
        if (tag.Length != TagLength)
        {
            throw new ArgumentException($"The truncated tag is {TagLength} bytes.", nameof(tag));
        }

        if (plaintext.Length != ciphertext.Length)
        {
            throw new ArgumentException("The plaintext buffer must be as long as the ciphertext.", nameof(plaintext));
        }

        Span<byte> fullTag = stackalloc byte[FullTagLength];
        var rented = ArrayPool<byte>.Shared.Rent(ciphertext.Length);
        var recomputed = rented.AsSpan(0, ciphertext.Length);
        try
        {
            // Pass 1: keystream XOR ciphertext = plaintext (this pass's tag means nothing).
            _gcm.Encrypt(nonce, ciphertext, plaintext, fullTag);

            // Pass 2: the sender's own computation, giving the true tag over the received ciphertext.
            _gcm.Encrypt(nonce, plaintext, recomputed, fullTag, associatedData);
            if (CryptographicOperations.FixedTimeEquals(fullTag[..TagLength], tag))
            {
                return true;
            }

            CryptographicOperations.ZeroMemory(plaintext);
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(recomputed);
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public void Dispose() => _gcm.Dispose();

    private static void CheckNonce(ReadOnlySpan<byte> nonce)
    {
        if (nonce.Length != NonceLength)
        {
            throw new ArgumentException($"The GCM nonce is {NonceLength} bytes.", nameof(nonce));
        }
    }
}
