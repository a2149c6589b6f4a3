using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>ExternalSender { SignaturePublicKey signature_key; Credential credential; } (RFC 9420 section
/// 12.1.8.1): a party outside the group allowed to send proposals. DAVE's voice gateway is the one
/// external sender of every group; its Add and Remove proposals are what members commit.</summary>
public sealed record ExternalSender(byte[] SignatureKey, Credential Credential)
{
    public static ExternalSender Read(ref TlsReader reader) => new(reader.ReadOpaque().ToArray(), Credential.Read(ref reader));

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteOpaque(SignatureKey);
        Credential.Write(writer);
    }

    /// <summary>The external_senders extension: ExternalSender external_senders&lt;V&gt;.</summary>
    public static Extension ToExtension(IReadOnlyList<ExternalSender> senders) =>
        new(Extension.ExternalSenders, TlsVectors.Encode(senders, static (w, list) => TlsVectors.Write(w, list, static (w2, s) => s.Write(w2))));

    public static ExternalSender[] FromExtension(Extension extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        return TlsVectors.Decode(extension.Data, static (ref TlsReader r) => TlsVectors.Read(ref r, Read));
    }
}
