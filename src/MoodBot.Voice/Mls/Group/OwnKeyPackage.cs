using MoodBot.Voice.Hpke;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Mls.Group;

/// <summary>A KeyPackage of ours (RFC 9420 section 10) and the private keys behind it: the init key a
/// Welcome is encrypted to, the leaf's HPKE key and the signature key. DAVE sends it in opcode 26.</summary>
public sealed class OwnKeyPackage : IDisposable
{
    private OwnKeyPackage(KeyPackage keyPackage, P256KeyPair initKey, P256KeyPair leafKey, P256KeyPair signatureKey)
    {
        KeyPackage = keyPackage;
        InitKey = initKey;
        LeafKey = leafKey;
        SignatureKey = signatureKey;
    }

    public KeyPackage KeyPackage { get; }

    public P256KeyPair InitKey { get; }

    public P256KeyPair LeafKey { get; }

    public P256KeyPair SignatureKey { get; }

    /// <summary>The KeyPackage as an MLSMessage, as DAVE's gateway takes it.</summary>
    public byte[] Encode() => new MlsMessage(Framing.WireFormat.KeyPackage, KeyPackage: KeyPackage).Encode();

    /// <summary>A fresh KeyPackage with a basic credential holding <paramref name="identity"/> (DAVE: the
    /// 8-byte big-endian user id), capabilities naming mls10, suite 2 and basic credentials, and the
    /// lifetime given (DAVE's gateway requires 0 to 2^64-1). A fresh signature key is made unless given.</summary>
    public static OwnKeyPackage Create(byte[] identity, Lifetime? lifetime = null, P256KeyPair? signatureKey = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var initKey = P256KeyPair.Generate();
        var leafKey = P256KeyPair.Generate();
        var signer = signatureKey is null ? P256KeyPair.Generate() : P256KeyPair.FromPrivateKey(signatureKey.PrivateKey);
        var leaf = new LeafNode(
            leafKey.PublicKey,
            signer.PublicKey,
            Credential.Basic(identity),
            new Capabilities([KeySchedule.GroupContext.Mls10], [MlsCrypto.CipherSuite], [], [], [(ushort)CredentialType.Basic]),
            LeafNodeSource.KeyPackage,
            lifetime ?? new Lifetime(0, ulong.MaxValue),
            null,
            [],
            []);
        // A key-package leaf is signed without group id or leaf index: it has no position yet (section 7.2).
        leaf = leaf.SignFor(signer.PrivateKey, [], 0);
        var keyPackage = new KeyPackage(KeySchedule.GroupContext.Mls10, MlsCrypto.CipherSuite, initKey.PublicKey, leaf, [], []).SignedBy(signer.PrivateKey);
        return new OwnKeyPackage(keyPackage, initKey, leafKey, signer);
    }

    public void Dispose()
    {
        InitKey.Dispose();
        LeafKey.Dispose();
        SignatureKey.Dispose();
    }
}
