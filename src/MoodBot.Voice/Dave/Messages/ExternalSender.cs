using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Dave.Messages;

/// <summary>Op 25, the voice gateway's external sender (RFC 9420 section 12.1.8.1 ExternalSender:
/// <c>SignaturePublicKey signature_key; Credential credential</c>). Its key signs the Add and Remove
/// proposals the gateway sends; it is the group's only external_senders entry.</summary>
public sealed record ExternalSender(byte[] SignatureKey, Credential Credential)
{
    public static ExternalSender Decode(ReadOnlySpan<byte> payload) =>
        DavePayloads.Decode(DaveOpcode.MlsExternalSender, payload, static (ref TlsReader r) => new ExternalSender(r.ReadOpaque().ToArray(), Credential.Read(ref r)));

    public byte[] Encode() => TlsVectors.Encode(this, static (w, s) =>
    {
        w.WriteOpaque(s.SignatureKey);
        s.Credential.Write(w);
    });
}
