using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.KeySchedule;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>GroupInfo (RFC 9420 section 12.4.3): the new epoch's GroupContext, extensions (the
/// ratchet tree travels here), the confirmation tag, and the signer's leaf index and signature.</summary>
public sealed record GroupInfo(GroupContext GroupContext, Extension[] Extensions, byte[] ConfirmationTag, uint Signer, byte[] Signature)
{
    private const string SignatureLabel = "GroupInfoTBS";

    public static GroupInfo Read(ref TlsReader reader) => new(
        GroupContext.Read(ref reader),
        Extension.ReadList(ref reader),
        reader.ReadOpaque().ToArray(),
        reader.ReadUInt32(),
        reader.ReadOpaque().ToArray());

    public static GroupInfo Decode(ReadOnlySpan<byte> encoded) => TlsVectors.Decode(encoded, Read);

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBytes(ToBeSigned());
        writer.WriteOpaque(Signature);
    }

    /// <summary>GroupInfoTBS: everything but the signature.</summary>
    public byte[] ToBeSigned()
    {
        var writer = new TlsWriter();
        GroupContext.Write(writer);
        Extension.WriteList(writer, Extensions);
        writer.WriteOpaque(ConfirmationTag).WriteUInt32(Signer);
        return writer.ToArray();
    }

    /// <summary>This GroupInfo signed by the committer (SignWithLabel over GroupInfoTBS).</summary>
    public GroupInfo SignedBy(ReadOnlySpan<byte> signaturePrivateKey) =>
        this with { Signature = MlsCrypto.SignWithLabel(signaturePrivateKey, SignatureLabel, ToBeSigned()) };

    public byte[] Encode() => TlsVectors.Encode(this, static (w, g) => g.Write(w));

    /// <summary>VerifyWithLabel(signer's signature key, "GroupInfoTBS", GroupInfoTBS, signature).</summary>
    public bool VerifySignature(ReadOnlySpan<byte> signerPublicKey) =>
        MlsCrypto.VerifyWithLabel(signerPublicKey, SignatureLabel, ToBeSigned(), Signature);
}
