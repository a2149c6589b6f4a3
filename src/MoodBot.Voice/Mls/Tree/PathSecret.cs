using System.Security.Cryptography;
using MoodBot.Voice.Hpke;

namespace MoodBot.Voice.Mls.Tree;

/// <summary>The path-secret chain of TreeKEM (RFC 9420 section 7.4): each node's secret is derived from
/// the one below it, each node's key pair from its secret, and the commit secret from the root's.</summary>
public static class PathSecret
{
    /// <summary>path_secret[n] = DeriveSecret(path_secret[n-1], "path"); also commit_secret from the root's.</summary>
    public static byte[] Next(ReadOnlySpan<byte> pathSecret) => MlsCrypto.DeriveSecret(pathSecret, "path");

    /// <summary>node_priv, node_pub = DeriveKeyPair(DeriveSecret(path_secret, "node")).</summary>
    public static P256KeyPair NodeKeyPair(ReadOnlySpan<byte> pathSecret)
    {
        var nodeSecret = MlsCrypto.DeriveSecret(pathSecret, "node");
        try
        {
            return MlsCrypto.DeriveKeyPair(nodeSecret);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(nodeSecret);
        }
    }
}
