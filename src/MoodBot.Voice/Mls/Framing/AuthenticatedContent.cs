using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Framing;

/// <summary>AuthenticatedContent (RFC 9420 section 6.1): the content, how it travelled, its signature,
/// and for a Commit its confirmation tag.</summary>
public sealed record AuthenticatedContent(WireFormat WireFormat, FramedContent Content, byte[] Signature, byte[]? ConfirmationTag)
{
    /// <summary>wire_format | FramedContent | FramedContentAuthData: what a ProposalRef hashes (section 5.2).</summary>
    public byte[] Encode()
    {
        var writer = new TlsWriter().WriteUInt16((ushort)WireFormat);
        Content.Write(writer);
        MessageAuth.WriteAuthData(writer, Content.ContentType, Signature, ConfirmationTag);
        return writer.ToArray();
    }

    /// <summary>ProposalRef = RefHash("MLS 1.0 Proposal Reference", AuthenticatedContent) (section 5.2):
    /// how a Commit names a proposal sent earlier in the epoch.</summary>
    public byte[] ProposalReference() => MlsCrypto.RefHash("MLS 1.0 Proposal Reference", Encode());

    /// <summary>ConfirmedTranscriptHashInput (section 8.2): wire_format | FramedContent | signature&lt;V&gt;.</summary>
    public byte[] ConfirmedTranscriptInput()
    {
        var writer = new TlsWriter().WriteUInt16((ushort)WireFormat);
        Content.Write(writer);
        return writer.WriteOpaque(Signature).ToArray();
    }
}
