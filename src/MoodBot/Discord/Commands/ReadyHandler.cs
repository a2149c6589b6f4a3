using System.Text.Json;
using MoodBot.Discord.Gateway;

namespace MoodBot.Discord.Commands;

/// <summary>READY: learn the bot's user and application ids, then register the commands.</summary>
internal sealed class ReadyHandler(DiscordSession session, CommandRegistrar registrar, ReplyTasks tasks) : IGatewayEventHandler
{
    public string EventName => "READY";

    public ValueTask HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        var data = gatewayEvent.Data;
        if (data.TryGetProperty("user", out var user) && user.TryGetProperty("id", out var userId) && userId.ValueKind == JsonValueKind.String
            && data.TryGetProperty("application", out var application) && application.TryGetProperty("id", out var applicationId)
            && applicationId.ValueKind == JsonValueKind.String)
        {
            session.Ready(userId.GetString()!);
            tasks.Run("command registration", () => registrar.RegisterAsync(applicationId.GetString()!, cancellationToken));
        }

        return ValueTask.CompletedTask;
    }
}
