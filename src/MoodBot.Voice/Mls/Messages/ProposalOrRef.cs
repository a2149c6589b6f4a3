using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>ProposalOrRef (RFC 9420 section 12.4): a proposal inline in a Commit, or a ProposalRef
/// to one sent earlier in the epoch.</summary>
public sealed record ProposalOrRef(Proposal? Proposal, byte[]? Reference)
{
    private const byte InlineType = 1;
    private const byte ReferenceType = 2;

    public static ProposalOrRef Read(ref TlsReader reader) => reader.ReadUInt8() switch
    {
        InlineType => new ProposalOrRef(Proposal.Read(ref reader), null),
        ReferenceType => new ProposalOrRef(null, reader.ReadOpaque().ToArray()),
        var other => throw new TlsDecodeException($"Unknown ProposalOrRef type {other}."),
    };

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (Proposal is not null)
        {
            writer.WriteUInt8(InlineType);
            Proposal.Write(writer);
        }
        else
        {
            writer.WriteUInt8(ReferenceType).WriteOpaque(Reference ?? throw new InvalidOperationException("A ProposalOrRef holds a proposal or a reference."));
        }
    }
}
