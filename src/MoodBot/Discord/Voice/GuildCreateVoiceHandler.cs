using System.Text.Json;
using MoodBot.Discord.Gateway;

namespace MoodBot.Discord.Voice;

/// <summary>GUILD_CREATE: who was already in voice when the bot connected (or the guild came back).</summary>
internal sealed class GuildCreateVoiceHandler(VoiceStates states) : IGatewayEventHandler
{
    public string EventName => "GUILD_CREATE";

    public ValueTask HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        if (gatewayEvent.Data.Deserialize(VoiceJsonContext.Default.GuildVoicePayload) is { } guild)
        {
            var bots = (guild.Members ?? []).Where(m => m.User is { Bot: true, Id: not null }).Select(m => m.User!.Id!).ToHashSet(StringComparer.Ordinal);
            states.Replace(guild.Id, guild.VoiceStates ?? [], bots);
        }

        return ValueTask.CompletedTask;
    }
}
