using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Framing;

/// <summary>FramedContent (RFC 9420 section 6). <see cref="Content"/> is the application data itself
/// for application messages, or the encoded Proposal or Commit structure.</summary>
public sealed record FramedContent(byte[] GroupId, ulong Epoch, Sender Sender, byte[] AuthenticatedData, ContentType ContentType, byte[] Content)
{
    internal void Write(TlsWriter writer)
    {
        writer.WriteOpaque(GroupId).WriteUInt64(Epoch);
        Sender.Write(writer);
        writer.WriteOpaque(AuthenticatedData).WriteUInt8((byte)ContentType);
        if (ContentType == ContentType.Application)
        {
            writer.WriteOpaque(Content);
        }
        else
        {
            writer.WriteBytes(Content);
        }
    }

    internal static FramedContent Read(ref TlsReader reader)
    {
        var groupId = reader.ReadOpaque().ToArray();
        var epoch = reader.ReadUInt64();
        var sender = Sender.Read(ref reader);
        var authenticatedData = reader.ReadOpaque().ToArray();
        var contentType = (ContentType)reader.ReadUInt8();
        var content = ContentReader.ReadBody(ref reader, contentType).ToArray();
        return new FramedContent(groupId, epoch, sender, authenticatedData, contentType, content);
    }

    /// <summary>FramedContentTBS (section 6.1): what the sender signs. Members and new-member commits
    /// bind the GroupContext too.</summary>
    internal byte[] ToBeSigned(WireFormat wireFormat, ReadOnlySpan<byte> groupContext)
    {
        var writer = new TlsWriter().WriteUInt16(1).WriteUInt16((ushort)wireFormat);
        Write(writer);
        if (Sender.Type is SenderType.Member or SenderType.NewMemberCommit)
        {
            writer.WriteBytes(groupContext);
        }

        return writer.ToArray();
    }
}
