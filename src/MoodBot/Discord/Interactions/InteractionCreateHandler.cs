using System.Text.Json;
using Microsoft.Extensions.Logging;
using MoodBot.Discord.Gateway;

namespace MoodBot.Discord.Interactions;

/// <summary>INTERACTION_CREATE from the gateway: handed to the responder, which answers over REST.</summary>
internal sealed partial class InteractionCreateHandler(InteractionResponder responder, ILogger<InteractionCreateHandler> logger) : IGatewayEventHandler
{
    public string EventName => "INTERACTION_CREATE";

    public ValueTask HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
    {
        Interaction? interaction;
        try
        {
            interaction = gatewayEvent.Data.Deserialize(InteractionJsonContext.Default.Interaction);
        }
        catch (JsonException ex)
        {
            Log.Malformed(logger, gatewayEvent.Sequence, ex.Message);
            return ValueTask.CompletedTask;
        }

        if (interaction is not null)
        {
            responder.Start(interaction, cancellationToken);
        }

        return ValueTask.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "INTERACTION_CREATE #{Sequence} could not be read: {Reason}")]
        public static partial void Malformed(ILogger logger, int sequence, string reason);
    }
}
