using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>LeafNode (RFC 9420 section 7.2): a member's HPKE and signature keys, credential and
/// capabilities. A key-package leaf carries a lifetime, a commit leaf the parent hash that ties it
/// to the path it was sent with.</summary>
public sealed record LeafNode(
    byte[] EncryptionKey,
    byte[] SignatureKey,
    Credential Credential,
    Capabilities Capabilities,
    LeafNodeSource Source,
    Lifetime? Lifetime,
    byte[]? ParentHash,
    Extension[] Extensions,
    byte[] Signature)
{
    private const string SignatureLabel = "LeafNodeTBS";

    public static LeafNode Read(ref TlsReader reader)
    {
        var encryptionKey = reader.ReadOpaque().ToArray();
        var signatureKey = reader.ReadOpaque().ToArray();
        var credential = Credential.Read(ref reader);
        var capabilities = Capabilities.Read(ref reader);
        var source = (LeafNodeSource)reader.ReadUInt8();
        Lifetime? lifetime = null;
        byte[]? parentHash = null;
        switch (source)
        {
            case LeafNodeSource.KeyPackage:
                lifetime = Lifetime.Read(ref reader);
                break;
            case LeafNodeSource.Update:
                break;
            case LeafNodeSource.Commit:
                parentHash = reader.ReadOpaque().ToArray();
                break;
            default:
                throw new TlsDecodeException($"Unknown leaf node source {(byte)source}.");
        }

        var extensions = Extension.ReadList(ref reader);
        var signature = reader.ReadOpaque().ToArray();
        return new LeafNode(encryptionKey, signatureKey, credential, capabilities, source, lifetime, parentHash, extensions, signature);
    }

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteContent(writer);
        writer.WriteOpaque(Signature);
    }

    /// <summary>LeafNodeTBS: the content, then for update and commit leaves the group id and leaf
    /// index, so a leaf signed for one position cannot be replayed at another.</summary>
    public byte[] ToBeSigned(ReadOnlySpan<byte> groupId, uint leafIndex)
    {
        var writer = new TlsWriter();
        WriteContent(writer);
        if (Source is LeafNodeSource.Update or LeafNodeSource.Commit)
        {
            writer.WriteOpaque(groupId).WriteUInt32(leafIndex);
        }

        return writer.ToArray();
    }

    /// <summary>VerifyWithLabel(signature_key, "LeafNodeTBS", LeafNodeTBS, signature). The group id and
    /// leaf index are ignored for a key-package leaf.</summary>
    public bool VerifySignature(ReadOnlySpan<byte> groupId, uint leafIndex) =>
        MlsCrypto.VerifyWithLabel(SignatureKey, SignatureLabel, ToBeSigned(groupId, leafIndex), Signature);

    /// <summary>This leaf signed by <paramref name="signaturePrivateKey"/> for its position.</summary>
    public LeafNode SignFor(ReadOnlySpan<byte> signaturePrivateKey, ReadOnlySpan<byte> groupId, uint leafIndex) =>
        this with { Signature = MlsCrypto.SignWithLabel(signaturePrivateKey, SignatureLabel, ToBeSigned(groupId, leafIndex)) };

    private void WriteContent(TlsWriter writer)
    {
        writer.WriteOpaque(EncryptionKey).WriteOpaque(SignatureKey);
        Credential.Write(writer);
        Capabilities.Write(writer);
        writer.WriteUInt8((byte)Source);
        switch (Source)
        {
            case LeafNodeSource.KeyPackage:
                (Lifetime ?? throw new InvalidOperationException("A key-package leaf node carries a lifetime.")).Write(writer);
                break;
            case LeafNodeSource.Commit:
                writer.WriteOpaque(ParentHash ?? throw new InvalidOperationException("A commit leaf node carries a parent hash."));
                break;
        }

        Extension.WriteList(writer, Extensions);
    }
}
