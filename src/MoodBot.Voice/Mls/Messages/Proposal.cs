using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>Proposal (RFC 9420 section 12.1): a proposal_type, then that proposal's body. The body
/// has no length prefix, so an unknown type cannot be skipped and is refused.</summary>
public abstract record Proposal
{
    public abstract ProposalType Type { get; }

    public static Proposal Read(ref TlsReader reader)
    {
        var type = (ProposalType)reader.ReadUInt16();
        return ReadBody(ref reader, type);
    }

    public static Proposal Decode(ReadOnlySpan<byte> encoded) => TlsVectors.Decode(encoded, Read);

    /// <summary>The body of a proposal of <paramref name="type"/> (the messages vectors hold bodies alone).</summary>
    public static Proposal ReadBody(ref TlsReader reader, ProposalType type) => type switch
    {
        ProposalType.Add => new AddProposal(KeyPackage.Read(ref reader)),
        ProposalType.Update => new UpdateProposal(LeafNode.Read(ref reader)),
        ProposalType.Remove => new RemoveProposal(reader.ReadUInt32()),
        ProposalType.PreSharedKey => new PreSharedKeyProposal(PreSharedKeyId.Read(ref reader)),
        ProposalType.ReInit => ReInitProposal.ReadBody(ref reader),
        ProposalType.ExternalInit => new ExternalInitProposal(reader.ReadOpaque().ToArray()),
        ProposalType.GroupContextExtensions => new GroupContextExtensionsProposal(Extension.ReadList(ref reader)),
        _ => throw new TlsDecodeException($"Unsupported proposal type {(ushort)type}."),
    };

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt16((ushort)Type);
        WriteBody(writer);
    }

    public byte[] Encode() => TlsVectors.Encode(this, static (w, p) => p.Write(w));

    public abstract void WriteBody(TlsWriter writer);
}
