using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>Remove { uint32 removed; } (RFC 9420 section 12.1.3): the leaf index to remove.</summary>
public sealed record RemoveProposal(uint Removed) : Proposal
{
    public override ProposalType Type => ProposalType.Remove;

    public override void WriteBody(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt32(Removed);
    }
}
