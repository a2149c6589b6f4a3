namespace MoodBot.Discord.Gateway;

/// <summary>Receives every gateway dispatch, in sequence order, one at a time.</summary>
internal interface IGatewayEventHandler
{
    ValueTask HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken);
}
