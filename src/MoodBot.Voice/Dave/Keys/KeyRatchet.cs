using System.Security.Cryptography;
using MoodBot.Voice.Mls;

namespace MoodBot.Voice.Dave.Keys;

/// <summary>One sender's media key ratchet for one MLS epoch: mlspp's HashRatchet as DAVE uses it
/// (whitepaper "Sender Key Derivation"; RFC 9420 section 9.1 for the step). secret_0 is the 16-byte
/// base from <see cref="MediaKeyBase"/>; generation g gives
/// key_g = ExpandWithLabel(secret_g, "key", uint32_be(g), 16) and
/// secret_{g+1} = ExpandWithLabel(secret_g, "secret", uint32_be(g), 32).</summary>
/// <remarks>
/// The ratchet only moves forward: a secret is wiped as soon as the next one is derived, so a
/// generation that was never asked for and lies behind the ratchet is gone for good (forward
/// secrecy). Keys of generations passed on the way to a newer one are kept, because audio frames
/// arrive out of order around a generation change, but only within <see cref="RetainedGenerations"/>
/// of the newest, and <see cref="Erase"/> wipes one once its frames can no longer come.
/// How far ahead one call may derive is bounded so that a forged generation cannot make us hash
/// for minutes (libdave's kMaxGenerationGap is 250).
/// </remarks>
public sealed class KeyRatchet : IDisposable
{
    public const int KeyLength = 16;

    /// <summary>The base secret's length: DAVE exports 16 bytes (Nk of AES-128-GCM).</summary>
    public const int BaseSecretLength = 16;

    /// <summary>How many generations ahead of the newest derived one a request may reach.</summary>
    public const uint MaxGenerationGap = 250;

    /// <summary>How many generations behind the newest derived one keep their keys.</summary>
    public const uint RetainedGenerations = 16;

    private readonly SortedDictionary<uint, byte[]> _keys = [];
    private byte[] _nextSecret;
    private uint _nextGeneration;
    private bool _disposed;

    public KeyRatchet(ReadOnlySpan<byte> baseSecret)
    {
        if (baseSecret.IsEmpty)
        {
            throw new ArgumentException("The base secret is empty.", nameof(baseSecret));
        }

        _nextSecret = baseSecret.ToArray();
    }

    /// <summary>The generation the ratchet's secret is at: every generation below it has been derived.</summary>
    public uint NextGeneration => _nextGeneration;

    /// <summary>The key of <paramref name="generation"/>, derived (and the ratchet advanced) if it is
    /// ahead; false when it is behind the ratchet and was erased or never kept, or too far ahead.</summary>
    public bool TryGetKey(uint generation, Span<byte> key)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (key.Length != KeyLength)
        {
            throw new ArgumentException($"A media key is {KeyLength} bytes.", nameof(key));
        }

        if (generation >= _nextGeneration)
        {
            // The newest derived generation is _nextGeneration - 1 (or none yet): the gap is measured from it.
            if ((ulong)generation - _nextGeneration >= MaxGenerationGap)
            {
                return false;
            }

            while (_nextGeneration <= generation)
            {
                Step();
            }

            DropOutsideWindow();
        }

        if (!_keys.TryGetValue(generation, out var stored))
        {
            return false;
        }

        stored.CopyTo(key);
        return true;
    }

    /// <summary>Wipes the key of one generation: its frames are done with.</summary>
    public void Erase(uint generation)
    {
        if (_keys.Remove(generation, out var key))
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The generations whose keys are held now, oldest first (for tests and diagnostics).</summary>
    public IReadOnlyCollection<uint> RetainedKeyGenerations => _keys.Keys;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var key in _keys.Values)
        {
            CryptographicOperations.ZeroMemory(key);
        }

        _keys.Clear();
        CryptographicOperations.ZeroMemory(_nextSecret);
    }

    private void Step()
    {
        var generation = _nextGeneration;
        _keys[generation] = MlsCrypto.DeriveTreeSecret(_nextSecret, "key", generation, KeyLength);
        var next = MlsCrypto.DeriveTreeSecret(_nextSecret, "secret", generation, MlsCrypto.HashLength);
        CryptographicOperations.ZeroMemory(_nextSecret);
        _nextSecret = next;
        _nextGeneration = checked(generation + 1);
    }

    private void DropOutsideWindow()
    {
        var newest = _nextGeneration - 1;
        while (_keys.Count > 0)
        {
            var oldest = _keys.Keys.First();
            if (newest - oldest < RetainedGenerations)
            {
                return;
            }

            Erase(oldest);
        }
    }
}
