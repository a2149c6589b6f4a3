using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.Framing;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>PublicMessage (RFC 9420 section 6.2) as it travels: the content, its auth data, and a
/// member sender's membership tag. Checking them is <see cref="PublicMessageProtection"/>'s job.</summary>
public sealed record PublicMessage(FramedContent Content, byte[] Signature, byte[]? ConfirmationTag, byte[]? MembershipTag)
{
    public static PublicMessage Read(ref TlsReader reader)
    {
        var content = FramedContent.Read(ref reader);
        var signature = reader.ReadOpaque().ToArray();
        var confirmationTag = content.ContentType == ContentType.Commit ? reader.ReadOpaque().ToArray() : null;
        var membershipTag = content.Sender.Type == SenderType.Member ? reader.ReadOpaque().ToArray() : null;
        return new PublicMessage(content, signature, confirmationTag, membershipTag);
    }

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Content.Write(writer);
        writer.WriteOpaque(Signature);
        if (Content.ContentType == ContentType.Commit)
        {
            writer.WriteOpaque(ConfirmationTag ?? throw new InvalidOperationException("A Commit carries a confirmation tag."));
        }

        if (Content.Sender.Type == SenderType.Member)
        {
            writer.WriteOpaque(MembershipTag ?? throw new InvalidOperationException("A member's PublicMessage carries a membership tag."));
        }
    }
}
