using System.Text.Json.Serialization;

namespace MoodBot.Discord.Gateway;

/// <summary>Op 4: join (<see cref="ChannelId"/> set), move or leave (null) a guild's voice channel.</summary>
internal sealed record VoiceStateUpdateData(
    [property: JsonPropertyName("guild_id")] string GuildId,
    [property: JsonPropertyName("channel_id")] string? ChannelId,
    [property: JsonPropertyName("self_mute")] bool SelfMute,
    [property: JsonPropertyName("self_deaf")] bool SelfDeaf);
