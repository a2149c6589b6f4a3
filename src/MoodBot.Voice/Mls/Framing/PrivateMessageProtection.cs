using System.Security.Cryptography;
using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.SecretTree;

namespace MoodBot.Voice.Mls.Framing;

/// <summary>PrivateMessage (RFC 9420 section 6.3): content and signature sealed under the sender's
/// ratchet key, and the sender's leaf, generation and reuse guard sealed under a key derived from
/// the sender_data_secret and a sample of that ciphertext. Only members send PrivateMessages.</summary>
public static class PrivateMessageProtection
{
    private const int ReuseGuardLength = 4;

    /// <summary>Signs, pads and encrypts <paramref name="content"/> (from a member) as an MLSMessage
    /// holding a PrivateMessage, using the next generation of the sender's ratchet.</summary>
    public static byte[] Protect(
        FramedContent content,
        ReadOnlySpan<byte> groupContext,
        ReadOnlySpan<byte> senderDataSecret,
        MlsSecretTree secretTree,
        ReadOnlySpan<byte> signaturePrivateKey,
        byte[]? confirmationTag = null,
        int paddingLength = 0)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(secretTree);
        if (content.Sender.Type != SenderType.Member)
        {
            throw new ArgumentException("Only members send PrivateMessages.", nameof(content));
        }

        var signature = MessageAuth.Sign(content, WireFormat.PrivateMessage, groupContext, signaturePrivateKey);
        var plaintext = new TlsWriter();
        if (content.ContentType == ContentType.Application)
        {
            plaintext.WriteOpaque(content.Content);
        }
        else
        {
            plaintext.WriteBytes(content.Content);
        }

        MessageAuth.WriteAuthData(plaintext, content.ContentType, signature, confirmationTag);
        plaintext.WriteBytes(new byte[paddingLength]);

        var ratchetKey = secretTree.Ratchet(content.Sender.Index, KindOf(content.ContentType)).Next();
        Span<byte> reuseGuard = stackalloc byte[ReuseGuardLength];
        RandomNumberGenerator.Fill(reuseGuard);
        var ciphertext = Seal(ratchetKey.Key, GuardedNonce(ratchetKey.Nonce, reuseGuard), ContentAad(content), plaintext.WrittenSpan);

        var senderData = new TlsWriter(12).WriteUInt32(content.Sender.Index).WriteUInt32(ratchetKey.Generation).WriteBytes(reuseGuard);
        var senderKeys = SenderDataKeys.Derive(senderDataSecret, ciphertext);
        var encryptedSenderData = Seal(senderKeys.Key, senderKeys.Nonce, SenderDataAad(content.GroupId, content.Epoch, content.ContentType), senderData.WrittenSpan);

        var message = new TlsWriter();
        MessageAuth.WriteMlsMessageHeader(message, WireFormat.PrivateMessage);
        return message
            .WriteOpaque(content.GroupId)
            .WriteUInt64(content.Epoch)
            .WriteUInt8((byte)content.ContentType)
            .WriteOpaque(content.AuthenticatedData)
            .WriteOpaque(encryptedSenderData)
            .WriteOpaque(ciphertext)
            .ToArray();
    }

    /// <summary>Decrypts an MLSMessage holding a PrivateMessage, checks its padding and signature, and
    /// returns the content; throws <see cref="CryptographicException"/> when decryption or the signature fails.</summary>
    public static AuthenticatedContent Unprotect(
        ReadOnlySpan<byte> mlsMessage,
        ReadOnlySpan<byte> groupContext,
        ReadOnlySpan<byte> senderDataSecret,
        MlsSecretTree secretTree,
        ReadOnlySpan<byte> signaturePublicKey)
    {
        var key = signaturePublicKey.ToArray();
        return Unprotect(mlsMessage, groupContext, senderDataSecret, secretTree, _ => key);
    }

    /// <summary>As above, with the sender's signature key looked up by its leaf index once the sender
    /// data is decrypted (the sender is hidden until then).</summary>
    public static AuthenticatedContent Unprotect(
        ReadOnlySpan<byte> mlsMessage,
        ReadOnlySpan<byte> groupContext,
        ReadOnlySpan<byte> senderDataSecret,
        MlsSecretTree secretTree,
        Func<uint, byte[]> signatureKeyOfLeaf)
    {
        ArgumentNullException.ThrowIfNull(secretTree);
        ArgumentNullException.ThrowIfNull(signatureKeyOfLeaf);
        var reader = new TlsReader(mlsMessage);
        MessageAuth.ReadMlsMessageHeader(ref reader, WireFormat.PrivateMessage);
        var groupId = reader.ReadOpaque().ToArray();
        var epoch = reader.ReadUInt64();
        var contentType = (ContentType)reader.ReadUInt8();
        var authenticatedData = reader.ReadOpaque().ToArray();
        var encryptedSenderData = reader.ReadOpaque();
        var ciphertext = reader.ReadOpaque();
        reader.EnsureEnd();

        var senderKeys = SenderDataKeys.Derive(senderDataSecret, ciphertext);
        var senderData = Open(senderKeys.Key, senderKeys.Nonce, SenderDataAad(groupId, epoch, contentType), encryptedSenderData);
        var senderReader = new TlsReader(senderData);
        var leaf = senderReader.ReadUInt32();
        var generation = senderReader.ReadUInt32();
        var reuseGuard = senderReader.ReadBytes(ReuseGuardLength);
        senderReader.EnsureEnd();

        var signaturePublicKey = signatureKeyOfLeaf(leaf);
        var ratchetKey = secretTree.Ratchet(leaf, KindOf(contentType)).Get(generation);
        var shell = new FramedContent(groupId, epoch, Sender.Member(leaf), authenticatedData, contentType, []);
        var plaintext = Open(ratchetKey.Key, GuardedNonce(ratchetKey.Nonce, reuseGuard), ContentAad(shell), ciphertext);

        var contentReader = new TlsReader(plaintext);
        var body = ContentReader.ReadBody(ref contentReader, contentType).ToArray();
        var (signature, confirmationTag) = MessageAuth.ReadAuthData(ref contentReader, contentType);
        // Section 6.3.1: the padding must be all zeros.
        if (contentReader.ReadBytes(contentReader.Remaining).IndexOfAnyExcept((byte)0) >= 0)
        {
            throw new CryptographicException("PrivateMessage padding is not all zeros.");
        }

        var message = new AuthenticatedContent(WireFormat.PrivateMessage, shell with { Content = body }, signature, confirmationTag);
        MessageAuth.Verify(message, groupContext, signaturePublicKey);
        return message;
    }

    private static RatchetKind KindOf(ContentType contentType) =>
        contentType == ContentType.Application ? RatchetKind.Application : RatchetKind.Handshake;

    /// <summary>The first four bytes of the ratchet nonce are XORed with the reuse guard (section 6.3.1),
    /// so a key accidentally reused across two states still gets distinct nonces.</summary>
    private static byte[] GuardedNonce(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> reuseGuard)
    {
        var guarded = nonce.ToArray();
        for (var i = 0; i < ReuseGuardLength; i++)
        {
            guarded[i] ^= reuseGuard[i];
        }

        return guarded;
    }

    /// <summary>PrivateContentAAD: group_id&lt;V&gt;, epoch, content_type, authenticated_data&lt;V&gt;.</summary>
    private static byte[] ContentAad(FramedContent content) =>
        new TlsWriter()
            .WriteOpaque(content.GroupId)
            .WriteUInt64(content.Epoch)
            .WriteUInt8((byte)content.ContentType)
            .WriteOpaque(content.AuthenticatedData)
            .ToArray();

    /// <summary>SenderDataAAD: group_id&lt;V&gt;, epoch, content_type.</summary>
    private static byte[] SenderDataAad(byte[] groupId, ulong epoch, ContentType contentType) =>
        new TlsWriter().WriteOpaque(groupId).WriteUInt64(epoch).WriteUInt8((byte)contentType).ToArray();

    private static byte[] Seal(byte[] key, byte[] nonce, byte[] aad, ReadOnlySpan<byte> plaintext) => MlsCrypto.AeadSeal(key, nonce, aad, plaintext);

    private static byte[] Open(byte[] key, byte[] nonce, byte[] aad, ReadOnlySpan<byte> ciphertext) => MlsCrypto.AeadOpen(key, nonce, aad, ciphertext);
}
