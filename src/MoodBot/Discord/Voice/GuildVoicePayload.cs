using System.Text.Json.Serialization;

namespace MoodBot.Discord.Voice;

/// <summary>The part of GUILD_CREATE voice needs: who is in which voice channel when the bot arrives.</summary>
internal sealed record GuildVoicePayload([property: JsonPropertyName("id"), JsonRequired] string Id)
{
    [JsonPropertyName("voice_states")]
    public IReadOnlyList<VoiceStatePayload>? VoiceStates { get; init; }

    [JsonPropertyName("members")]
    public IReadOnlyList<VoiceStateMember>? Members { get; init; }
}
