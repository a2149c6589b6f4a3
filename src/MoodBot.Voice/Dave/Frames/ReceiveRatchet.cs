using System.Security.Cryptography;
using MoodBot.Voice.Dave.Keys;

namespace MoodBot.Voice.Dave.Frames;

/// <summary>One sender's keys for one epoch on the receiving side (libdave's CryptorManager): a
/// cipher per generation in use, the replay window, and the expiry of generations and of the whole
/// ratchet once a newer one takes over.</summary>
/// <remarks>
/// Replays: a (generation, nonce) is accepted once. The newest accepted nonce is kept with the
/// nonces skipped below it (up to <see cref="MaxMissingNonces"/>) for frames that arrive late; anything
/// older or already seen is refused. Only frames whose tag verified move the window, so forgeries
/// cannot push genuine frames out of it.
/// Generations: an older generation's cipher lives <see cref="FrameDecryptor.OldKeyLifetime"/> after a
/// newer one first decrypts, then its key is erased. A generation may be at most
/// <see cref="KeyRatchet.MaxGenerationGap"/> ahead, and no further than the ratchet's age allows at
/// <see cref="MaxFramesPerSecond"/> (so a forged top byte cannot make us derive keys ahead of time).
/// </remarks>
internal sealed class ReceiveRatchet : IDisposable
{
    public const int MaxMissingNonces = 1000;

    /// <summary>50 audio frames and two 60 fps video streams a second (libdave's kMaxFramesPerSecond).</summary>
    public const long MaxFramesPerSecond = 50 + (2 * 60);

    private readonly TimeProvider _time;
    private readonly KeyRatchet _ratchet;
    private readonly DateTimeOffset _created;
    private readonly SortedDictionary<uint, (TruncatedAesGcm Cipher, DateTimeOffset Expiry)> _ciphers = [];
    private readonly LinkedList<ulong> _missingNonces = new();
    private ulong? _newestNonce;
    private uint _oldestGeneration;
    private uint _newestGeneration;

    public ReceiveRatchet(TimeProvider time, KeyRatchet ratchet)
    {
        _time = time;
        _ratchet = ratchet;
        _created = time.GetUtcNow();
    }

    public DateTimeOffset Expiry { get; private set; } = DateTimeOffset.MaxValue;

    public bool IsExpired => Expiry < _time.GetUtcNow();

    public void ExpireNoLaterThan(DateTimeOffset expiry)
    {
        if (expiry < Expiry)
        {
            Expiry = expiry;
        }
    }

    public FrameDecryptResult TryDecrypt(DaveFrame frame, Span<byte> plaintext)
    {
        var generation = GenerationWrap.Unwrap(_oldestGeneration, frame.GenerationByte);
        var bigNonce = GenerationWrap.BigNonce(generation, frame.TruncatedNonce);
        if (!CanProcess(bigNonce))
        {
            return FrameDecryptResult.Replayed;
        }

        var cipher = CipherFor(generation);
        if (cipher is null)
        {
            return FrameDecryptResult.MissingKey;
        }

        Span<byte> nonce = stackalloc byte[TruncatedAesGcm.NonceLength];
        DaveFrame.ExpandNonce(frame.TruncatedNonce, nonce);
        if (!cipher.TryDecrypt(nonce, frame.Ciphertext, frame.Tag, plaintext))
        {
            return FrameDecryptResult.AuthenticationFailed;
        }

        RecordSuccess(generation, bigNonce);
        return FrameDecryptResult.Decrypted;
    }

    public void Dispose()
    {
        foreach (var (cipher, _) in _ciphers.Values)
        {
            cipher.Dispose();
        }

        _ciphers.Clear();
        _ratchet.Dispose();
    }

    private bool CanProcess(ulong bigNonce) =>
        _newestNonce is not { } newest || bigNonce > newest || _missingNonces.Contains(bigNonce);

    private TruncatedAesGcm? CipherFor(uint generation)
    {
        RemoveExpiredCiphers();
        if (generation < _oldestGeneration || (generation > _newestGeneration && generation - _newestGeneration > KeyRatchet.MaxGenerationGap))
        {
            return null;
        }

        var lifetimeSeconds = (long)(_time.GetUtcNow() - _created).TotalSeconds;
        var maxGeneration = MaxFramesPerSecond * lifetimeSeconds >> GenerationWrap.GenerationShift;
        if (generation > maxGeneration)
        {
            return null;
        }

        if (_ciphers.TryGetValue(generation, out var entry))
        {
            return entry.Cipher;
        }

        Span<byte> key = stackalloc byte[KeyRatchet.KeyLength];
        try
        {
            if (!_ratchet.TryGetKey(generation, key))
            {
                return null;
            }

            // A cipher made for a generation already superseded (a late frame) gets a finite life at once.
            var expiry = generation < _newestGeneration ? _time.GetUtcNow() + FrameDecryptor.OldKeyLifetime : DateTimeOffset.MaxValue;
            var cipher = new TruncatedAesGcm(key);
            _ciphers[generation] = (cipher, expiry);
            return cipher;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private void RecordSuccess(uint generation, ulong bigNonce)
    {
        if (_newestNonce is not { } newest)
        {
            _newestNonce = bigNonce;
        }
        else if (bigNonce > newest)
        {
            var skipped = Math.Min(bigNonce - newest - 1, MaxMissingNonces);
            while (_missingNonces.Count > 0 && (ulong)_missingNonces.Count + skipped > MaxMissingNonces)
            {
                _missingNonces.RemoveFirst();
            }

            for (var n = bigNonce - skipped; n < bigNonce; n++)
            {
                _missingNonces.AddLast(n);
            }

            _newestNonce = bigNonce;
        }
        else
        {
            _missingNonces.Remove(bigNonce);
        }

        if (generation <= _newestGeneration || !_ciphers.ContainsKey(generation))
        {
            return;
        }

        _newestGeneration = generation;
        var expiry = _time.GetUtcNow() + FrameDecryptor.OldKeyLifetime;
        foreach (var (older, entry) in _ciphers.Where(c => c.Key < generation).ToList())
        {
            if (expiry < entry.Expiry)
            {
                _ciphers[older] = (entry.Cipher, expiry);
            }
        }
    }

    private void RemoveExpiredCiphers()
    {
        var now = _time.GetUtcNow();
        foreach (var (generation, entry) in _ciphers.Where(c => c.Value.Expiry < now).ToList())
        {
            entry.Cipher.Dispose();
            _ciphers.Remove(generation);
        }

        while (_oldestGeneration < _newestGeneration && !_ciphers.ContainsKey(_oldestGeneration))
        {
            _ratchet.Erase(_oldestGeneration);
            _oldestGeneration++;
        }
    }
}
