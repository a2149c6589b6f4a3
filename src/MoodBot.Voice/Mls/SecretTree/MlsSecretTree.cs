using System.Security.Cryptography;

namespace MoodBot.Voice.Mls.SecretTree;

/// <summary>The secret tree of an epoch (RFC 9420 section 9): the encryption_secret sits at the root,
/// each child is ExpandWithLabel(parent, "tree", "left"/"right", Nh), and each leaf roots a handshake
/// and an application ratchet. Node secrets are derived on demand and a parent's secret is wiped
/// once both children exist, as section 9.2 requires for forward secrecy.</summary>
public sealed class MlsSecretTree : IDisposable
{
    private readonly Dictionary<uint, byte[]> _nodeSecrets = [];
    private readonly Dictionary<uint, (SenderRatchet Handshake, SenderRatchet Application)> _ratchets = [];

    public MlsSecretTree(ReadOnlySpan<byte> encryptionSecret, uint leafCount)
    {
        if (leafCount == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(leafCount), "A group has at least one leaf.");
        }

        LeafCount = leafCount;
        _nodeSecrets[TreeMath.Root(leafCount)] = encryptionSecret.ToArray();
    }

    public uint LeafCount { get; }

    /// <summary>The handshake or application ratchet of a leaf.</summary>
    public SenderRatchet Ratchet(uint leaf, RatchetKind kind)
    {
        var ratchets = Ratchets(leaf);
        return kind == RatchetKind.Handshake ? ratchets.Handshake : ratchets.Application;
    }

    private (SenderRatchet Handshake, SenderRatchet Application) Ratchets(uint leaf)
    {
        if (leaf >= LeafCount)
        {
            throw new ArgumentOutOfRangeException(nameof(leaf), $"Leaf {leaf} is outside a tree of {LeafCount} leaves.");
        }

        if (_ratchets.TryGetValue(leaf, out var existing))
        {
            return existing;
        }

        var leafNode = TreeMath.LeafToNode(leaf);
        var leafSecret = DeriveNodeSecret(leafNode);
        var ratchets = (
            new SenderRatchet(MlsCrypto.ExpandWithLabel(leafSecret, "handshake", [], MlsCrypto.HashLength)),
            new SenderRatchet(MlsCrypto.ExpandWithLabel(leafSecret, "application", [], MlsCrypto.HashLength)));
        CryptographicOperations.ZeroMemory(leafSecret);
        _nodeSecrets.Remove(leafNode);
        _ratchets[leaf] = ratchets;
        return ratchets;
    }

    /// <summary>Walks down from the lowest ancestor whose secret is still held, deriving both children
    /// at each step and wiping the parent, until the target node's secret exists.</summary>
    private byte[] DeriveNodeSecret(uint node)
    {
        var path = new List<uint> { node };
        path.AddRange(TreeMath.DirectPath(node, LeafCount));
        var start = path.FindIndex(_nodeSecrets.ContainsKey);
        if (start < 0)
        {
            throw new InvalidOperationException($"No secret is held on the path of node {node}.");
        }

        for (var i = start; i > 0; i--)
        {
            var parent = path[i];
            var parentSecret = _nodeSecrets[parent];
            _nodeSecrets[TreeMath.Left(parent)] = MlsCrypto.ExpandWithLabel(parentSecret, "tree", "left"u8, MlsCrypto.HashLength);
            _nodeSecrets[TreeMath.Right(parent)] = MlsCrypto.ExpandWithLabel(parentSecret, "tree", "right"u8, MlsCrypto.HashLength);
            CryptographicOperations.ZeroMemory(parentSecret);
            _nodeSecrets.Remove(parent);
        }

        return _nodeSecrets[node];
    }

    public void Dispose()
    {
        foreach (var secret in _nodeSecrets.Values)
        {
            CryptographicOperations.ZeroMemory(secret);
        }

        foreach (var (handshake, application) in _ratchets.Values)
        {
            handshake.Dispose();
            application.Dispose();
        }

        _nodeSecrets.Clear();
        _ratchets.Clear();
    }
}
