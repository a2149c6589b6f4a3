using System.Security.Cryptography;
using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Framing;

/// <summary>Signing and verifying framed content, and the FramedContentAuthData encoding (RFC 9420 section 6.1).</summary>
internal static class MessageAuth
{
    private const string SignatureLabel = "FramedContentTBS";

    public static byte[] Sign(FramedContent content, WireFormat wireFormat, ReadOnlySpan<byte> groupContext, ReadOnlySpan<byte> signaturePrivateKey) =>
        MlsCrypto.SignWithLabel(signaturePrivateKey, SignatureLabel, content.ToBeSigned(wireFormat, groupContext));

    public static void Verify(AuthenticatedContent message, ReadOnlySpan<byte> groupContext, ReadOnlySpan<byte> signaturePublicKey)
    {
        var tbs = message.Content.ToBeSigned(message.WireFormat, groupContext);
        if (!MlsCrypto.VerifyWithLabel(signaturePublicKey, SignatureLabel, tbs, message.Signature))
        {
            throw new CryptographicException("The message signature does not verify.");
        }
    }

    /// <summary>FramedContentAuthData: signature&lt;V&gt;, then confirmation_tag&lt;V&gt; for a Commit only.</summary>
    public static void WriteAuthData(TlsWriter writer, ContentType contentType, byte[] signature, byte[]? confirmationTag)
    {
        writer.WriteOpaque(signature);
        if (contentType == ContentType.Commit)
        {
            writer.WriteOpaque(confirmationTag ?? throw new ArgumentException("A Commit carries a confirmation tag.", nameof(confirmationTag)));
        }
    }

    public static (byte[] Signature, byte[]? ConfirmationTag) ReadAuthData(ref TlsReader reader, ContentType contentType)
    {
        var signature = reader.ReadOpaque().ToArray();
        var tag = contentType == ContentType.Commit ? reader.ReadOpaque().ToArray() : null;
        return (signature, tag);
    }

    public static void WriteMlsMessageHeader(TlsWriter writer, WireFormat wireFormat) =>
        writer.WriteUInt16(1).WriteUInt16((ushort)wireFormat);

    /// <summary>Reads MLSMessage's version (mls10 only) and requires the expected wire format.</summary>
    public static void ReadMlsMessageHeader(ref TlsReader reader, WireFormat expected)
    {
        var version = reader.ReadUInt16();
        var wireFormat = (WireFormat)reader.ReadUInt16();
        if (version != 1 || wireFormat != expected)
        {
            throw new TlsDecodeException($"Expected an mls10 {expected}, got version {version} wire format {wireFormat}.");
        }
    }
}
