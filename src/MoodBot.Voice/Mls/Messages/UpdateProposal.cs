using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>Update { LeafNode leaf_node; } (RFC 9420 section 12.1.2).</summary>
public sealed record UpdateProposal(LeafNode LeafNode) : Proposal
{
    public override ProposalType Type => ProposalType.Update;

    public override void WriteBody(TlsWriter writer) => LeafNode.Write(writer);
}
