using System.Text.Json;
using MoodBot.Discord.Gateway;

namespace MoodBot.Discord.Voice;

/// <summary>
/// VOICE_STATE_UPDATE: who is in which voice channel; about the bot itself, the session id a
/// join waits for, or news that it was disconnected or moved.
/// </summary>
internal sealed class VoiceStateUpdateHandler(VoiceStates states, VoiceConnections connections, VoicePlayers players, DiscordSession session) : IGatewayEventHandler
{
    public string EventName => "VOICE_STATE_UPDATE";

    public ValueTask HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        if (gatewayEvent.Data.Deserialize(VoiceJsonContext.Default.VoiceStatePayload) is not { GuildId: { } guildId } state)
        {
            return ValueTask.CompletedTask;
        }

        states.Set(guildId, state);
        if (state.UserId == session.UserId)
        {
            connections.OnOwnVoiceState(guildId, state.ChannelId, state.SessionId);
            players.OnOwnVoiceState(guildId, state.ChannelId);
        }
        else
        {
            players.OnMembersChanged(guildId);
        }

        return ValueTask.CompletedTask;
    }
}
