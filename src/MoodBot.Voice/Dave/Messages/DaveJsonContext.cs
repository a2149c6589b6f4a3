using System.Text.Json.Serialization;

namespace MoodBot.Voice.Dave.Messages;

/// <summary>Source-generated JSON for the DAVE opcodes' <c>d</c> bodies.</summary>
[JsonSerializable(typeof(PrepareTransition))]
[JsonSerializable(typeof(ExecuteTransition))]
[JsonSerializable(typeof(TransitionReady))]
[JsonSerializable(typeof(PrepareEpoch))]
[JsonSerializable(typeof(InvalidCommitWelcome))]
public sealed partial class DaveJsonContext : JsonSerializerContext;
