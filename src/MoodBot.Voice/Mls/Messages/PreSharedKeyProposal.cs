using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>PreSharedKey { PreSharedKeyID psk; } (RFC 9420 section 12.1.4).</summary>
public sealed record PreSharedKeyProposal(PreSharedKeyId Psk) : Proposal
{
    public override ProposalType Type => ProposalType.PreSharedKey;

    public override void WriteBody(TlsWriter writer) => Psk.Write(writer);
}
