using System.Text.Json.Serialization;

namespace MoodBot.Lights.Events;

[JsonSerializable(typeof(IReadOnlyList<HueEvent>))]
internal sealed partial class HueEventJsonContext : JsonSerializerContext;
