using System.Security.Cryptography;

namespace MoodBot.Voice.Mls.SecretTree;

/// <summary>One sender's hash ratchet (RFC 9420 section 9.1): generation j's key and nonce are
/// DeriveTreeSecret(secret_j, "key"/"nonce", j, ...), and secret_[j+1] = DeriveTreeSecret(secret_j, "secret", j, Nh).
/// It only moves forward; keys for generations skipped on the way are kept (up to a bound) so
/// messages that arrive out of order still open, and each key is handed out once (section 9.2).</summary>
public sealed class SenderRatchet : IDisposable
{
    /// <summary>How far ahead of the current generation a message may be, and how many skipped keys are kept.</summary>
    public const uint MaxForwardDistance = 1024;

    private readonly Dictionary<uint, RatchetKey> _skipped = [];
    private byte[] _secret;

    internal SenderRatchet(byte[] secret) => _secret = secret;

    /// <summary>The next generation the ratchet will derive.</summary>
    public uint Generation { get; private set; }

    /// <summary>The key for the next message to send, consuming that generation.</summary>
    public RatchetKey Next() => Get(Generation);

    /// <summary>The key for <paramref name="generation"/>, which is then forgotten; a generation
    /// already used (or too far back to have been kept) cannot be had again.</summary>
    public RatchetKey Get(uint generation)
    {
        if (generation < Generation)
        {
            return _skipped.Remove(generation, out var kept)
                ? kept
                : throw new CryptographicException($"Generation {generation} was already used or is no longer kept.");
        }

        if (generation - Generation > MaxForwardDistance)
        {
            throw new CryptographicException($"Generation {generation} is too far ahead of {Generation}.");
        }

        while (Generation < generation)
        {
            _skipped[Generation] = Step();
            if (_skipped.Count > MaxForwardDistance)
            {
                _skipped.Remove(_skipped.Keys.Min());
            }
        }

        return Step();
    }

    /// <summary>Derives the current generation's key and nonce and moves the secret on, wiping the old one.</summary>
    private RatchetKey Step()
    {
        var generation = Generation;
        var key = MlsCrypto.DeriveTreeSecret(_secret, "key", generation, MlsCrypto.KeyLength);
        var nonce = MlsCrypto.DeriveTreeSecret(_secret, "nonce", generation, MlsCrypto.NonceLength);
        var next = MlsCrypto.DeriveTreeSecret(_secret, "secret", generation, MlsCrypto.HashLength);
        CryptographicOperations.ZeroMemory(_secret);
        _secret = next;
        Generation = checked(generation + 1);
        return new RatchetKey(generation, key, nonce);
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_secret);
        foreach (var kept in _skipped.Values)
        {
            CryptographicOperations.ZeroMemory(kept.Key);
            CryptographicOperations.ZeroMemory(kept.Nonce);
        }

        _skipped.Clear();
    }
}
