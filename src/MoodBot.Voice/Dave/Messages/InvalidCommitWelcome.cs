using System.Text.Json.Serialization;

namespace MoodBot.Voice.Dave.Messages;

/// <summary>Op 31 (client): the commit or welcome of this transition could not be processed; we reset
/// and send a new key package.</summary>
public sealed record InvalidCommitWelcome([property: JsonPropertyName("transition_id"), JsonRequired] ushort TransitionId);
