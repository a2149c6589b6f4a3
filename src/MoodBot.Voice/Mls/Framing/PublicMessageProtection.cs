using System.Security.Cryptography;
using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Framing;

/// <summary>PublicMessage (RFC 9420 section 6.2): signed content in the clear; a member's message also
/// carries membership_tag = MAC(membership_key, AuthenticatedContentTBM), proving group membership.</summary>
public static class PublicMessageProtection
{
    /// <summary>Signs and frames <paramref name="content"/> as an MLSMessage holding a PublicMessage.</summary>
    public static byte[] Protect(FramedContent content, ReadOnlySpan<byte> groupContext, ReadOnlySpan<byte> membershipKey, ReadOnlySpan<byte> signaturePrivateKey, byte[]? confirmationTag = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var signature = MessageAuth.Sign(content, WireFormat.PublicMessage, groupContext, signaturePrivateKey);
        return Frame(content, signature, confirmationTag, groupContext, membershipKey);
    }

    /// <summary>Frames content whose signature is already made. A committer needs this: the signature goes
    /// into the confirmed transcript hash, and so into the confirmation tag, before the message is framed,
    /// and ECDSA signing again would give a different signature.</summary>
    public static byte[] Frame(FramedContent content, byte[] signature, byte[]? confirmationTag, ReadOnlySpan<byte> groupContext, ReadOnlySpan<byte> membershipKey)
    {
        ArgumentNullException.ThrowIfNull(content);
        var body = new TlsWriter();
        content.Write(body);
        MessageAuth.WriteAuthData(body, content.ContentType, signature, confirmationTag);

        var message = new TlsWriter();
        MessageAuth.WriteMlsMessageHeader(message, WireFormat.PublicMessage);
        message.WriteBytes(body.WrittenSpan);
        if (content.Sender.Type == SenderType.Member)
        {
            message.WriteOpaque(MlsCrypto.Mac(membershipKey, ToBeMaced(content, body.WrittenSpan, groupContext)));
        }

        return message.ToArray();
    }

    /// <summary>Reads an MLSMessage holding a PublicMessage, checks a member's membership tag and the
    /// signature, and returns the content; throws <see cref="CryptographicException"/> when either fails.</summary>
    public static AuthenticatedContent Unprotect(ReadOnlySpan<byte> mlsMessage, ReadOnlySpan<byte> groupContext, ReadOnlySpan<byte> membershipKey, ReadOnlySpan<byte> signaturePublicKey)
    {
        var key = signaturePublicKey.ToArray();
        return Unprotect(mlsMessage, groupContext, membershipKey, _ => key);
    }

    /// <summary>As above, with the signature key looked up from the sender once the content is read
    /// (a member's leaf in the ratchet tree, or an external sender); the lookup may throw to refuse a sender.</summary>
    public static AuthenticatedContent Unprotect(ReadOnlySpan<byte> mlsMessage, ReadOnlySpan<byte> groupContext, ReadOnlySpan<byte> membershipKey, Func<Sender, byte[]> signatureKeyOf)
    {
        ArgumentNullException.ThrowIfNull(signatureKeyOf);
        var reader = new TlsReader(mlsMessage);
        MessageAuth.ReadMlsMessageHeader(ref reader, WireFormat.PublicMessage);
        var start = reader.Position;
        var content = FramedContent.Read(ref reader);
        var (signature, confirmationTag) = MessageAuth.ReadAuthData(ref reader, content.ContentType);
        var body = reader.Since(start);

        if (content.Sender.Type == SenderType.Member)
        {
            var membershipTag = reader.ReadOpaque();
            if (!MlsCrypto.VerifyMac(membershipKey, ToBeMaced(content, body, groupContext), membershipTag))
            {
                throw new CryptographicException("The membership tag does not verify.");
            }
        }

        reader.EnsureEnd();
        var message = new AuthenticatedContent(WireFormat.PublicMessage, content, signature, confirmationTag);
        MessageAuth.Verify(message, groupContext, signatureKeyOf(content.Sender));
        return message;
    }

    /// <summary>AuthenticatedContentTBM = FramedContentTBS | FramedContentAuthData. The body holds the
    /// encoded FramedContent and auth data, so the auth data is what follows the content in it.</summary>
    private static byte[] ToBeMaced(FramedContent content, ReadOnlySpan<byte> body, ReadOnlySpan<byte> groupContext)
    {
        var framed = new TlsWriter();
        content.Write(framed);
        return [.. content.ToBeSigned(WireFormat.PublicMessage, groupContext), .. body[framed.Length..]];
    }
}
