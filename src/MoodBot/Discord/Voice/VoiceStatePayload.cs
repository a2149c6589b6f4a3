using System.Text.Json.Serialization;

namespace MoodBot.Discord.Voice;

/// <summary>
/// A voice state, from VOICE_STATE_UPDATE or inside GUILD_CREATE's <c>voice_states</c> (where
/// <see cref="GuildId"/> is left out). A null <see cref="ChannelId"/> means the user left voice.
/// </summary>
internal sealed record VoiceStatePayload(
    [property: JsonPropertyName("user_id"), JsonRequired] string UserId,
    [property: JsonPropertyName("channel_id")] string? ChannelId,
    [property: JsonPropertyName("session_id")] string? SessionId)
{
    [JsonPropertyName("guild_id")]
    public string? GuildId { get; init; }

    [JsonPropertyName("member")]
    public VoiceStateMember? Member { get; init; }

    /// <summary>Bots (other music bots included) do not count as listeners.</summary>
    [JsonIgnore]
    public bool IsBot => Member?.User?.Bot ?? false;
}

internal sealed record VoiceStateMember([property: JsonPropertyName("user")] VoiceStateUser? User);

internal sealed record VoiceStateUser([property: JsonPropertyName("id")] string? Id, [property: JsonPropertyName("bot")] bool Bot);
