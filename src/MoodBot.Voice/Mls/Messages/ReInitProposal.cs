using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>ReInit { group_id&lt;V&gt;; version; cipher_suite; extensions&lt;V&gt; } (RFC 9420 section 12.1.5).</summary>
public sealed record ReInitProposal(byte[] GroupId, ushort Version, ushort CipherSuite, Extension[] Extensions) : Proposal
{
    public override ProposalType Type => ProposalType.ReInit;

    public static ReInitProposal ReadBody(ref TlsReader reader) =>
        new(reader.ReadOpaque().ToArray(), reader.ReadUInt16(), reader.ReadUInt16(), Extension.ReadList(ref reader));

    public override void WriteBody(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteOpaque(GroupId).WriteUInt16(Version).WriteUInt16(CipherSuite);
        Extension.WriteList(writer, Extensions);
    }
}
