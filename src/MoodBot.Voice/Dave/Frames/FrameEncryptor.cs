using System.Security.Cryptography;
using MoodBot.Voice.Dave.Keys;

namespace MoodBot.Voice.Dave.Frames;

/// <summary>Protects our own outgoing Opus frames (whitepaper "Frame Encryption", libdave encryptor.cpp).
/// Each epoch gets a fresh ratchet and the nonce counter starts again at 0; each frame takes the next
/// nonce (the first frame is nonce 1), whose top byte is the key generation, so the key changes every
/// 2^24 frames and the old key is erased at once: a sender never needs it again.</summary>
public sealed class FrameEncryptor : IDisposable
{
    private KeyRatchet? _ratchet;
    private TruncatedAesGcm? _cipher;
    private uint _generation;
    private uint _truncatedNonce;

    /// <summary>While true (protocol version 0, or a downgrade in progress) frames go out unencrypted.</summary>
    public bool Passthrough { get; set; }

    /// <summary>Whether <see cref="Encrypt(ReadOnlySpan{byte}, Span{byte})"/> can send a frame now: a
    /// ratchet is set, or frames go out plain. False between DAVE being negotiated and op 22 executing.</summary>
    public bool CanEncrypt => Passthrough || _ratchet is not null;

    /// <summary>Starts a new epoch's ratchet (op 22 executed the transition). The encryptor owns it.</summary>
    public void SetKeyRatchet(KeyRatchet? ratchet)
    {
        _cipher?.Dispose();
        _cipher = null;
        _ratchet?.Dispose();
        _ratchet = ratchet;
        _generation = 0;
        _truncatedNonce = 0;
    }

    /// <summary>Protects one Opus frame into <paramref name="destination"/> and returns its length. The
    /// silence frame and passthrough mode copy the frame as it is. Throws when no ratchet is set:
    /// sending plain audio by accident is the failure DAVE exists to prevent.</summary>
    public int Encrypt(ReadOnlySpan<byte> frame, Span<byte> destination)
    {
        if (Passthrough || DaveFrame.IsSilence(frame))
        {
            frame.CopyTo(destination);
            return frame.Length;
        }

        var (cipher, nonce) = NextCipherAndNonce();
        var length = DaveFrame.ProtectedLength(frame.Length, nonce);
        if (destination.Length < length)
        {
            throw new ArgumentException($"The destination needs {length} bytes.", nameof(destination));
        }

        Span<byte> gcmNonce = stackalloc byte[TruncatedAesGcm.NonceLength];
        DaveFrame.ExpandNonce(nonce, gcmNonce);
        var tagAt = frame.Length;
        cipher.Encrypt(gcmNonce, frame, destination[..tagAt], destination.Slice(tagAt, TruncatedAesGcm.TagLength));
        var at = tagAt + TruncatedAesGcm.TagLength;
        at += Leb128.Write(nonce, destination[at..]);
        destination[at++] = (byte)(length - frame.Length);
        destination[at++] = DaveFrame.MarkerByte;
        destination[at++] = DaveFrame.MarkerByte;
        return at;
    }

    public byte[] Encrypt(ReadOnlySpan<byte> frame)
    {
        var buffer = new byte[frame.Length + DaveFrame.MaxOverhead];
        return buffer[..Encrypt(frame, buffer)];
    }

    public void Dispose() => SetKeyRatchet(null);

    /// <summary>Test hook: continue from a later nonce, to cross generation boundaries and the 32-bit
    /// wrap without encrypting 2^24 frames.</summary>
    internal void SkipToNonce(uint lastUsedNonce) => _truncatedNonce = lastUsedNonce;

    private (TruncatedAesGcm Cipher, uint Nonce) NextCipherAndNonce()
    {
        var ratchet = _ratchet ?? throw new InvalidOperationException("No key ratchet: DAVE frames cannot be sent before the epoch's keys exist.");
        var nonce = unchecked(++_truncatedNonce);
        var generation = GenerationWrap.Unwrap(_generation, (byte)(nonce >> GenerationWrap.GenerationShift));
        if (_cipher is null || generation != _generation)
        {
            Span<byte> key = stackalloc byte[KeyRatchet.KeyLength];
            try
            {
                if (!ratchet.TryGetKey(generation, key))
                {
                    throw new InvalidOperationException($"The ratchet has no key for generation {generation}.");
                }

                _cipher?.Dispose();
                _cipher = new TruncatedAesGcm(key);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(key);
            }

            for (var old = _generation; old < generation; old++)
            {
                ratchet.Erase(old);
            }

            ratchet.Erase(generation);
            _generation = generation;
        }

        return (_cipher, nonce);
    }
}
