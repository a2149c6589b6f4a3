using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.Framing;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>PrivateMessage (RFC 9420 section 6.3) as it travels; <see cref="PrivateMessageProtection"/> opens it.</summary>
public sealed record PrivateMessage(byte[] GroupId, ulong Epoch, ContentType ContentType, byte[] AuthenticatedData, byte[] EncryptedSenderData, byte[] Ciphertext)
{
    public static PrivateMessage Read(ref TlsReader reader) => new(
        reader.ReadOpaque().ToArray(),
        reader.ReadUInt64(),
        ReadContentType(ref reader),
        reader.ReadOpaque().ToArray(),
        reader.ReadOpaque().ToArray(),
        reader.ReadOpaque().ToArray());

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteOpaque(GroupId).WriteUInt64(Epoch).WriteUInt8((byte)ContentType)
            .WriteOpaque(AuthenticatedData).WriteOpaque(EncryptedSenderData).WriteOpaque(Ciphertext);
    }

    private static ContentType ReadContentType(ref TlsReader reader)
    {
        var type = (ContentType)reader.ReadUInt8();
        return Enum.IsDefined(type) ? type : throw new TlsDecodeException($"Unknown content type {(byte)type}.");
    }
}
