using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Framing;

/// <summary>Sender (RFC 9420 section 6): a member's leaf index, an external sender's index, or a new member.</summary>
public sealed record Sender(SenderType Type, uint Index)
{
    public static Sender Member(uint leafIndex) => new(SenderType.Member, leafIndex);

    internal void Write(TlsWriter writer)
    {
        writer.WriteUInt8((byte)Type);
        if (Type is SenderType.Member or SenderType.External)
        {
            writer.WriteUInt32(Index);
        }
    }

    internal static Sender Read(ref TlsReader reader)
    {
        var type = (SenderType)reader.ReadUInt8();
        return type switch
        {
            SenderType.Member or SenderType.External => new Sender(type, reader.ReadUInt32()),
            SenderType.NewMemberProposal or SenderType.NewMemberCommit => new Sender(type, 0),
            _ => throw new TlsDecodeException($"Unknown sender type {(byte)type}."),
        };
    }
}

/// <summary>SenderType (RFC 9420 section 6).</summary>
public enum SenderType : byte
{
    Member = 1,
    External = 2,
    NewMemberProposal = 3,
    NewMemberCommit = 4,
}
