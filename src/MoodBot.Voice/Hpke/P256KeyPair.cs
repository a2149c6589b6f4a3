using System.Security.Cryptography;

namespace MoodBot.Voice.Hpke;

/// <summary>A P-256 key pair as HPKE and MLS carry it: a 32-byte big-endian scalar and the
/// 65-byte uncompressed point (SerializePublicKey, RFC 9180 section 7.1.1).</summary>
public sealed class P256KeyPair : IDisposable
{
    public const int PrivateKeyLength = 32;
    public const int PublicKeyLength = 65;

    private readonly byte[] _privateKey;

    private P256KeyPair(byte[] privateKey, byte[] publicKey)
    {
        _privateKey = privateKey;
        PublicKey = publicKey;
    }

    /// <summary>The uncompressed point 0x04 | X | Y.</summary>
    public byte[] PublicKey { get; }

    public ReadOnlySpan<byte> PrivateKey => _privateKey;

    /// <summary>The pair for a scalar; .NET derives the public point from D.</summary>
    public static P256KeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PrivateKeyLength)
        {
            throw new ArgumentException($"A P-256 private key is {PrivateKeyLength} bytes.", nameof(privateKey));
        }

        using var ecdh = ECDiffieHellman.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = privateKey.ToArray() });
        var q = ecdh.ExportParameters(false).Q;
        var publicKey = new byte[PublicKeyLength];
        publicKey[0] = 0x04;
        q.X!.CopyTo(publicKey, 1);
        q.Y!.CopyTo(publicKey, 33);
        return new P256KeyPair(privateKey.ToArray(), publicKey);
    }

    /// <summary>A fresh random pair.</summary>
    public static P256KeyPair Generate()
    {
        using var ecdh = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var parameters = ecdh.ExportParameters(true);
        try
        {
            return FromPrivateKey(parameters.D);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(parameters.D);
        }
    }

    /// <summary>ECDH parameters for a public point, rejecting anything but an uncompressed P-256 point
    /// (DeserializePublicKey, RFC 9180 section 7.1.1; .NET checks the point is on the curve on import).</summary>
    internal static ECParameters PublicParameters(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicKeyLength || publicKey[0] != 0x04)
        {
            throw new CryptographicException("A P-256 public key must be a 65-byte uncompressed point.");
        }

        return new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = publicKey[1..33].ToArray(), Y = publicKey[33..].ToArray() },
        };
    }

    internal ECParameters PrivateParameters()
    {
        var parameters = PublicParameters(PublicKey);
        parameters.D = _privateKey.ToArray();
        return parameters;
    }

    /// <summary>DH(sk, pk): the x-coordinate of sk * pk (RFC 9180 section 7.1.1).</summary>
    internal byte[] Agree(ReadOnlySpan<byte> peerPublicKey)
    {
        var parameters = PrivateParameters();
        try
        {
            using var self = ECDiffieHellman.Create(parameters);
            using var peer = ECDiffieHellman.Create(PublicParameters(peerPublicKey));
            return self.DeriveRawSecretAgreement(peer.PublicKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(parameters.D);
        }
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(_privateKey);
}
