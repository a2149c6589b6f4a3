using MoodBot.Voice.Hpke;

namespace MoodBot.Voice.Mls.Tree;

/// <summary>The HPKE private keys one member holds for tree nodes: its leaf's, and those of the parent
/// nodes whose path secrets it learned (RFC 9420 section 7.4). Keyed by node index.</summary>
public sealed class NodePrivateKeys : IDisposable
{
    private readonly Dictionary<uint, P256KeyPair> _keys = [];

    public IEnumerable<uint> Nodes => _keys.Keys;

    public bool TryGet(uint node, out P256KeyPair key) => _keys.TryGetValue(node, out key!);

    public void Set(uint node, P256KeyPair key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_keys.Remove(node, out var old) && !ReferenceEquals(old, key))
        {
            old.Dispose();
        }

        _keys[node] = key;
    }

    /// <summary>Sets the key for a node from its path secret: DeriveKeyPair(DeriveSecret(path_secret, "node")).</summary>
    public void SetFromPathSecret(uint node, ReadOnlySpan<byte> pathSecret) => Set(node, PathSecret.NodeKeyPair(pathSecret));

    public void Remove(uint node)
    {
        if (_keys.Remove(node, out var old))
        {
            old.Dispose();
        }
    }

    /// <summary>An independent copy, so a Commit can be staged on it and dropped if it fails.</summary>
    public NodePrivateKeys Clone()
    {
        var copy = new NodePrivateKeys();
        foreach (var (node, key) in _keys)
        {
            copy._keys[node] = P256KeyPair.FromPrivateKey(key.PrivateKey);
        }

        return copy;
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        _keys.Clear();
    }
}
