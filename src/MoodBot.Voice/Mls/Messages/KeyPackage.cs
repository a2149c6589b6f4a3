using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>KeyPackage (RFC 9420 section 10): a prospective member's init key (what a Welcome is
/// encrypted to) and leaf node, signed with the leaf's signature key.</summary>
public sealed record KeyPackage(ushort Version, ushort CipherSuite, byte[] InitKey, LeafNode LeafNode, Extension[] Extensions, byte[] Signature)
{
    private const string SignatureLabel = "KeyPackageTBS";

    public static KeyPackage Read(ref TlsReader reader) => new(
        reader.ReadUInt16(),
        reader.ReadUInt16(),
        reader.ReadOpaque().ToArray(),
        LeafNode.Read(ref reader),
        Extension.ReadList(ref reader),
        reader.ReadOpaque().ToArray());

    public static KeyPackage Decode(ReadOnlySpan<byte> encoded) => TlsVectors.Decode(encoded, Read);

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteContent(writer);
        writer.WriteOpaque(Signature);
    }

    public byte[] Encode() => TlsVectors.Encode(this, static (w, k) => k.Write(w));

    /// <summary>KeyPackageRef = RefHash("MLS 1.0 KeyPackage Reference", KeyPackage) (section 5.2): how a
    /// Welcome names the joiner each EncryptedGroupSecrets is for.</summary>
    public byte[] Reference() => MlsCrypto.RefHash("MLS 1.0 KeyPackage Reference", Encode());

    /// <summary>VerifyWithLabel(leaf_node.signature_key, "KeyPackageTBS", KeyPackageTBS, signature).</summary>
    public bool VerifySignature()
    {
        var tbs = new TlsWriter();
        WriteContent(tbs);
        return MlsCrypto.VerifyWithLabel(LeafNode.SignatureKey, SignatureLabel, tbs.WrittenSpan, Signature);
    }

    /// <summary>This KeyPackage signed with the leaf's signature key.</summary>
    public KeyPackage SignedBy(ReadOnlySpan<byte> signaturePrivateKey)
    {
        var tbs = new TlsWriter();
        WriteContent(tbs);
        return this with { Signature = MlsCrypto.SignWithLabel(signaturePrivateKey, SignatureLabel, tbs.WrittenSpan) };
    }

    private void WriteContent(TlsWriter writer)
    {
        writer.WriteUInt16(Version).WriteUInt16(CipherSuite).WriteOpaque(InitKey);
        LeafNode.Write(writer);
        Extension.WriteList(writer, Extensions);
    }
}
