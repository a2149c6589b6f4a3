using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>GroupContextExtensions { Extension extensions&lt;V&gt;; } (RFC 9420 section 12.1.7).</summary>
public sealed record GroupContextExtensionsProposal(Extension[] Extensions) : Proposal
{
    public override ProposalType Type => ProposalType.GroupContextExtensions;

    public override void WriteBody(TlsWriter writer) => Extension.WriteList(writer, Extensions);
}
