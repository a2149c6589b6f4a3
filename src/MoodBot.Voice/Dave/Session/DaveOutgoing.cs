using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MoodBot.Voice.Dave.Messages;

namespace MoodBot.Voice.Dave.Session;

/// <summary>An op the session wants sent to the voice gateway. Binary ops (26 key package, 28 commit and
/// welcome) carry their payload, sent as <see cref="DaveBinaryMessage.ToServer"/>; JSON ops (23 transition
/// ready, 31 invalid commit/welcome) carry the UTF-8 JSON of the message's <c>d</c> body, which the
/// transport puts under <c>{"op":..,"d":..}</c>.</summary>
public sealed record DaveOutgoing(DaveOpcode Opcode, byte[] Payload)
{
    public bool IsBinary => Opcode is DaveOpcode.MlsKeyPackage or DaveOpcode.MlsCommitWelcome;

    internal static DaveOutgoing Json<T>(DaveOpcode opcode, T body, JsonTypeInfo<T> typeInfo) =>
        new(opcode, JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
}
