using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Dave.Messages;

/// <summary>Op 25: the voice gateway's external sender, an MLS <see cref="ExternalSender"/> (RFC 9420
/// section 12.1.8.1) as the whole payload. Its key signs the Add and Remove proposals the gateway sends;
/// it is the group's only external_senders entry (Discord reference README, "DAVE v1").</summary>
public sealed record ExternalSenderMessage(ExternalSender Sender)
{
    public static ExternalSenderMessage Decode(ReadOnlySpan<byte> payload) =>
        new(DavePayloads.Decode(DaveOpcode.MlsExternalSender, payload, ExternalSender.Read));

    public byte[] Encode() => TlsVectors.Encode(Sender, static (w, s) => s.Write(w));
}
