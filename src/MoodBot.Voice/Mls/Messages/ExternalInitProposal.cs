using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>ExternalInit { opaque kem_output&lt;V&gt;; } (RFC 9420 section 12.1.6).</summary>
public sealed record ExternalInitProposal(byte[] KemOutput) : Proposal
{
    public override ProposalType Type => ProposalType.ExternalInit;

    public override void WriteBody(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteOpaque(KemOutput);
    }
}
