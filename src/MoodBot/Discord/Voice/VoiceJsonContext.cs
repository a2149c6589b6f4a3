using System.Text.Json.Serialization;

namespace MoodBot.Discord.Voice;

[JsonSerializable(typeof(VoiceStatePayload))]
[JsonSerializable(typeof(VoiceServerPayload))]
[JsonSerializable(typeof(GuildVoicePayload))]
internal sealed partial class VoiceJsonContext : JsonSerializerContext;
