using System.Text.Json.Serialization;

namespace MoodBot.Discord.Interactions;

[JsonSourceGenerationOptions(UseStringEnumConverter = false)]
[JsonSerializable(typeof(Interaction))]
internal sealed partial class InteractionJsonContext : JsonSerializerContext;
