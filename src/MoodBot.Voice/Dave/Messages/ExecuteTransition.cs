using System.Text.Json.Serialization;

namespace MoodBot.Voice.Dave.Messages;

/// <summary>Op 22 (server): switch senders to the prepared transition's keys (or to passthrough) now.</summary>
public sealed record ExecuteTransition([property: JsonPropertyName("transition_id"), JsonRequired] ushort TransitionId);
