namespace MoodBot.Voice.Mls.Framing;

/// <summary>AuthenticatedContent (RFC 9420 section 6.1): the content, how it travelled, its signature,
/// and for a Commit its confirmation tag.</summary>
public sealed record AuthenticatedContent(WireFormat WireFormat, FramedContent Content, byte[] Signature, byte[]? ConfirmationTag);
