using System.Buffers.Binary;
using System.Security.Cryptography;
using NSec.Cryptography;

namespace MoodBot.Voice.Transport;

/// <summary>
/// Seals and opens voice packets in the two <c>_rtpsize</c> AEAD modes. A packet is
/// <c>header || ciphertext || tag(16) || nonce(4)</c>. The AAD is the unencrypted header: the 12
/// fixed bytes, the CSRCs and, when the X bit is set, the 4-byte extension preamble; the extension
/// body is encrypted with the payload (that is what "rtpsize" means: the header is authenticated
/// at its RTP size, not as a fixed 12 bytes). The nonce is a 32-bit counter sent big-endian after the
/// tag and copied into bytes 0-3 of an otherwise zero 12-byte (AES-GCM) or 24-byte (XChaCha20)
/// nonce. Discord voice-connections docs, "Transport Encryption Modes"; libdave and NetCord agree.
/// </summary>
public sealed class RtpSizeCipher : IDisposable
{
    /// <summary>Bytes of authentication tag in both modes.</summary>
    public const int TagSize = 16;

    /// <summary>Bytes of nonce counter appended to every packet.</summary>
    public const int NonceSuffixSize = 4;

    /// <summary>Bytes a sealed packet adds after the payload.</summary>
    public const int Overhead = TagSize + NonceSuffixSize;

    /// <summary>The secret_key from Session Description is 32 bytes in both modes.</summary>
    public const int KeySize = 32;

    private const int AesNonceSize = 12;
    private const int XChaChaNonceSize = 24;

    private readonly AesGcm? _aes;
    private readonly Key? _xchachaKey;

    /// <summary>Keys a cipher for <paramref name="mode"/> with Session Description's secret_key.</summary>
    public RtpSizeCipher(TransportEncryptionMode mode, ReadOnlySpan<byte> secretKey)
    {
        if (secretKey.Length != KeySize)
        {
            throw new ArgumentException($"The voice secret key is {KeySize} bytes.", nameof(secretKey));
        }

        Mode = mode;
        switch (mode)
        {
            case TransportEncryptionMode.Aes256GcmRtpSize:
                _aes = new AesGcm(secretKey, TagSize);
                break;
            case TransportEncryptionMode.XChaCha20Poly1305RtpSize:
                _xchachaKey = Key.Import(AeadAlgorithm.XChaCha20Poly1305, secretKey, KeyBlobFormat.RawSymmetricKey);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, null);
        }
    }

    /// <summary>The mode this cipher was keyed for.</summary>
    public TransportEncryptionMode Mode { get; }

    /// <summary>
    /// Writes <c>header || AEAD(payload) || tag || nonce</c> into <paramref name="destination"/>
    /// and returns its length. <paramref name="header"/> is the whole unencrypted header (the AAD);
    /// when its X bit is set, the extension body belongs at the start of <paramref name="payload"/>.
    /// </summary>
    public int Seal(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload, uint nonce, Span<byte> destination)
    {
        var length = header.Length + payload.Length + Overhead;
        if (destination.Length < length)
        {
            throw new ArgumentException("The destination is too small for the sealed packet.", nameof(destination));
        }

        header.CopyTo(destination);
        var sealedPart = destination.Slice(header.Length, payload.Length + TagSize);
        var suffix = destination.Slice(header.Length + payload.Length + TagSize, NonceSuffixSize);
        BinaryPrimitives.WriteUInt32BigEndian(suffix, nonce);

        if (_aes is not null)
        {
            Span<byte> iv = stackalloc byte[AesNonceSize];
            iv.Clear();
            suffix.CopyTo(iv);
            _aes.Encrypt(iv, payload, sealedPart[..payload.Length], sealedPart[payload.Length..], header);
        }
        else
        {
            Span<byte> iv = stackalloc byte[XChaChaNonceSize];
            iv.Clear();
            suffix.CopyTo(iv);
            // NSec writes ciphertext || tag, the same layout as AES-GCM's separate outputs laid end to end.
            AeadAlgorithm.XChaCha20Poly1305.Encrypt(_xchachaKey!, iv, header, payload, sealedPart);
        }

        return length;
    }

    /// <summary>
    /// Opens a received packet: finds the unencrypted header by its CSRC count and X bit, checks
    /// the tag, and returns the media payload with the decrypted extension body skipped.
    /// False when the packet is malformed or fails authentication.
    /// </summary>
    public bool TryOpen(ReadOnlySpan<byte> packet, out RtpHeader header, out byte[] payload)
    {
        header = default;
        payload = [];
        if (!TryGetAuthenticatedHeaderLength(packet, out var headerLength, out var hasExtension)
            || packet.Length < headerLength + Overhead)
        {
            return false;
        }

        var aad = packet[..headerLength];
        var sealedPart = packet[headerLength..^NonceSuffixSize];
        var suffix = packet[^NonceSuffixSize..];
        var plaintext = new byte[sealedPart.Length - TagSize];

        bool opened;
        if (_aes is not null)
        {
            Span<byte> iv = stackalloc byte[AesNonceSize];
            iv.Clear();
            suffix.CopyTo(iv);
            try
            {
                _aes.Decrypt(iv, sealedPart[..^TagSize], sealedPart[^TagSize..], plaintext, aad);
                opened = true;
            }
            catch (AuthenticationTagMismatchException)
            {
                opened = false;
            }
        }
        else
        {
            Span<byte> iv = stackalloc byte[XChaChaNonceSize];
            iv.Clear();
            suffix.CopyTo(iv);
            opened = AeadAlgorithm.XChaCha20Poly1305.Decrypt(_xchachaKey!, iv, aad, sealedPart, plaintext);
        }

        if (!opened)
        {
            return false;
        }

        var bodyLength = 0;
        if (hasExtension)
        {
            // The preamble's second half counts 32-bit words of extension body (RFC 3550 5.3.1).
            bodyLength = BinaryPrimitives.ReadUInt16BigEndian(aad[^2..]) * 4;
            if (bodyLength > plaintext.Length)
            {
                return false;
            }
        }

        header = RtpHeader.Read(packet);
        payload = plaintext[bodyLength..];
        return true;
    }

    /// <summary>The AAD length of an rtpsize packet: 12 + 4 × CC, plus 4 for the extension preamble.</summary>
    internal static bool TryGetAuthenticatedHeaderLength(ReadOnlySpan<byte> packet, out int length, out bool hasExtension)
    {
        length = 0;
        hasExtension = false;
        if (packet.Length < RtpHeader.Size || (packet[0] >> 6) != 2)
        {
            return false;
        }

        hasExtension = (packet[0] & 0x10) != 0;
        length = RtpHeader.Size + (4 * (packet[0] & 0x0F)) + (hasExtension ? 4 : 0);
        return packet.Length >= length;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _aes?.Dispose();
        _xchachaKey?.Dispose();
    }
}
