using System.Text.Json.Serialization;

namespace MoodBot.Voice.Dave.Messages;

/// <summary>Op 21 (server): a transition to <see cref="ProtocolVersion"/> is coming; 0 means a downgrade
/// to unencrypted media. Answer with op 23 once ready.</summary>
public sealed record PrepareTransition(
    [property: JsonPropertyName("transition_id"), JsonRequired] ushort TransitionId,
    [property: JsonPropertyName("protocol_version"), JsonRequired] ushort ProtocolVersion);
