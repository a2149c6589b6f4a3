using System.Text.Json.Serialization;

namespace MoodBot.Voice.Dave.Messages;

/// <summary>Op 23 (client): we have applied the transition's commit or welcome.</summary>
public sealed record TransitionReady([property: JsonPropertyName("transition_id"), JsonRequired] ushort TransitionId);
