using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>Add { KeyPackage key_package; } (RFC 9420 section 12.1.1).</summary>
public sealed record AddProposal(KeyPackage KeyPackage) : Proposal
{
    public override ProposalType Type => ProposalType.Add;

    public override void WriteBody(TlsWriter writer) => KeyPackage.Write(writer);
}
