using System.Text.Json.Serialization;

namespace MoodBot.Voice.Dave.Messages;

/// <summary>Op 24 (server): a new MLS group is coming; epoch 1 means reset and send a fresh key package.</summary>
public sealed record PrepareEpoch(
    [property: JsonPropertyName("epoch"), JsonRequired] ulong Epoch,
    [property: JsonPropertyName("protocol_version"), JsonRequired] ushort ProtocolVersion);
