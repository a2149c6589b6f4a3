using System.Text.Json.Serialization;

namespace MoodBot.Discord.Voice;

/// <summary>
/// VOICE_SERVER_UPDATE: where to connect and the token for it. A null <see cref="Endpoint"/> means
/// the voice server is being allocated and another update follows. The token is a secret: it is
/// left out of <c>ToString</c> and never logged.
/// </summary>
internal sealed record VoiceServerPayload(
    [property: JsonPropertyName("token"), JsonRequired] string Token,
    [property: JsonPropertyName("guild_id"), JsonRequired] string GuildId,
    [property: JsonPropertyName("endpoint")] string? Endpoint)
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("GuildId = ").Append(GuildId).Append(", Endpoint = ").Append(Endpoint);
        return true;
    }
}
