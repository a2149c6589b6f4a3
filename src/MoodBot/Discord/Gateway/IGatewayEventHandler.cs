namespace MoodBot.Discord.Gateway;

/// <summary>
/// Handles one dispatch event by name ("INTERACTION_CREATE"). Dispatches reach handlers one at a
/// time, in sequence order, so a handler that may take long starts its work and returns.
/// </summary>
internal interface IGatewayEventHandler
{
    string EventName { get; }

    ValueTask HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken);
}
