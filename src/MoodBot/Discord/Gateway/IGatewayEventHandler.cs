namespace MoodBot.Discord.Gateway;

/// <summary>
/// Handles one dispatch event by name ("INTERACTION_CREATE"). A shard's dispatches reach handlers
/// one at a time, in sequence order, so a handler that may take long starts its work and returns.
/// With several shards, each shard dispatches on its own, so a handler may be called concurrently
/// (for events of different shards).
/// </summary>
internal interface IGatewayEventHandler
{
    string EventName { get; }

    ValueTask HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken);
}
