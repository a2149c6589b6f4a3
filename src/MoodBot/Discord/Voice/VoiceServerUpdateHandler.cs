using System.Text.Json;
using MoodBot.Discord.Gateway;

namespace MoodBot.Discord.Voice;

/// <summary>VOICE_SERVER_UPDATE: the voice token and endpoint a join waits for.</summary>
internal sealed class VoiceServerUpdateHandler(VoiceConnections connections) : IGatewayEventHandler
{
    public string EventName => "VOICE_SERVER_UPDATE";

    public ValueTask HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        if (gatewayEvent.Data.Deserialize(VoiceJsonContext.Default.VoiceServerPayload) is { } server)
        {
            connections.OnVoiceServer(server);
        }

        return ValueTask.CompletedTask;
    }
}
