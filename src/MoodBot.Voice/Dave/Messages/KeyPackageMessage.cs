using MoodBot.Voice.Mls.Framing;
using MoodBot.Voice.Mls.Messages;

namespace MoodBot.Voice.Dave.Messages;

/// <summary>Op 26 (client to server): our KeyPackage, wrapped in an MLSMessage.</summary>
public sealed record KeyPackageMessage(MlsMessage Message)
{
    public static KeyPackageMessage Decode(ReadOnlySpan<byte> payload) =>
        new(DavePayloads.RequireWireFormat(DaveOpcode.MlsKeyPackage, DavePayloads.Decode(DaveOpcode.MlsKeyPackage, payload, MlsMessage.Read), WireFormat.KeyPackage, "key package"));

    public static KeyPackageMessage Wrap(KeyPackage keyPackage) => new(new MlsMessage(WireFormat.KeyPackage, KeyPackage: keyPackage));

    public byte[] Encode() => Message.Encode();
}
