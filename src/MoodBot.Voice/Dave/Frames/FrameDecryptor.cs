namespace MoodBot.Voice.Dave.Frames;

/// <summary>Opens one remote sender's frames (whitepaper "Frame Decryption", libdave decryptor.cpp).
/// Holds that sender's ratchet for each epoch still in use: after a transition the previous epoch's
/// ratchet keeps working for <see cref="OldKeyLifetime"/>, since frames sent just before the switch
/// are still in flight. Newest ratchets are tried first.</summary>
public sealed class FrameDecryptor : IDisposable
{
    /// <summary>How long superseded keys stay usable (libdave kCryptorExpiry; the whitepaper's 10 s).</summary>
    public static readonly TimeSpan OldKeyLifetime = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time;
    private readonly List<ReceiveRatchet> _ratchets = [];
    private DateTimeOffset _passthroughUntil = DateTimeOffset.MinValue;

    public FrameDecryptor(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>The number of epoch ratchets held (expired ones are dropped on the next frame).</summary>
    public int RatchetCount => _ratchets.Count;

    /// <summary>Adds the sender's ratchet for a new epoch (the decryptor owns it); the ones before it
    /// expire after <paramref name="previousExpiry"/> (default <see cref="OldKeyLifetime"/>).</summary>
    public void TransitionToKeyRatchet(Keys.KeyRatchet ratchet, TimeSpan? previousExpiry = null)
    {
        ArgumentNullException.ThrowIfNull(ratchet);
        var expiry = _time.GetUtcNow() + (previousExpiry ?? OldKeyLifetime);
        foreach (var old in _ratchets)
        {
            old.ExpireNoLaterThan(expiry);
        }

        _ratchets.Add(new ReceiveRatchet(_time, ratchet));
    }

    /// <summary>The sender left the group: no ratchet replaces the ones held, so they stop working
    /// <paramref name="after"/> from now (default <see cref="OldKeyLifetime"/>), as superseded ones do.</summary>
    public void ExpireRatchets(TimeSpan? after = null)
    {
        var expiry = _time.GetUtcNow() + (after ?? OldKeyLifetime);
        foreach (var ratchet in _ratchets)
        {
            ratchet.ExpireNoLaterThan(expiry);
        }
    }

    /// <summary>Allows unencrypted frames (protocol version 0) from now on, or stops allowing them
    /// after <paramref name="expiry"/> when leaving passthrough.</summary>
    public void TransitionToPassthrough(bool passthrough, TimeSpan? expiry = null)
    {
        if (passthrough)
        {
            _passthroughUntil = DateTimeOffset.MaxValue;
            return;
        }

        var until = _time.GetUtcNow() + (expiry ?? OldKeyLifetime);
        if (until < _passthroughUntil)
        {
            _passthroughUntil = until;
        }
    }

    /// <summary>Opens <paramref name="frame"/> into <paramref name="plaintext"/> (at least as long as the
    /// frame); <paramref name="written"/> is the audio's length when the result yields audio.</summary>
    public FrameDecryptResult Decrypt(ReadOnlySpan<byte> frame, Span<byte> plaintext, out int written)
    {
        written = 0;
        if (plaintext.Length < frame.Length)
        {
            throw new ArgumentException("The plaintext buffer must be at least as long as the frame.", nameof(plaintext));
        }

        if (DaveFrame.IsSilence(frame))
        {
            return PassThrough(frame, plaintext, out written);
        }

        var passthroughAllowed = _passthroughUntil >= _time.GetUtcNow();

        // The marker comes first: an unmarked frame is never fed to the cipher.
        if (!DaveFrame.HasMarker(frame))
        {
            return passthroughAllowed ? PassThrough(frame, plaintext, out written) : FrameDecryptResult.NotEncrypted;
        }

        if (!DaveFrame.TryParse(frame, out var parsed))
        {
            // A plain Opus frame may end in FA FA by chance; libdave lets it through while passthrough is allowed.
            return passthroughAllowed ? PassThrough(frame, plaintext, out written) : FrameDecryptResult.Malformed;
        }

        RemoveExpiredRatchets();
        var result = FrameDecryptResult.MissingKey;
        var output = plaintext[..parsed.Ciphertext.Length];
        for (var i = _ratchets.Count - 1; i >= 0; i--)
        {
            var attempt = _ratchets[i].TryDecrypt(parsed, output);
            if (attempt == FrameDecryptResult.Decrypted)
            {
                written = output.Length;
                return attempt;
            }

            result = Worse(result, attempt);
        }

        return result;
    }

    public void Dispose()
    {
        foreach (var ratchet in _ratchets)
        {
            ratchet.Dispose();
        }

        _ratchets.Clear();
    }

    private static FrameDecryptResult PassThrough(ReadOnlySpan<byte> frame, Span<byte> plaintext, out int written)
    {
        frame.CopyTo(plaintext);
        written = frame.Length;
        return FrameDecryptResult.PassedThrough;
    }

    /// <summary>The most telling failure over all ratchets: a replay beats a bad tag beats a missing key.</summary>
    private static FrameDecryptResult Worse(FrameDecryptResult a, FrameDecryptResult b) =>
        Rank(b) > Rank(a) ? b : a;

    private static int Rank(FrameDecryptResult result) => result switch
    {
        FrameDecryptResult.Replayed => 3,
        FrameDecryptResult.AuthenticationFailed => 2,
        FrameDecryptResult.MissingKey => 1,
        _ => 0,
    };

    private void RemoveExpiredRatchets()
    {
        while (_ratchets.Count > 0 && _ratchets[0].IsExpired)
        {
            _ratchets[0].Dispose();
            _ratchets.RemoveAt(0);
        }
    }
}
