using System.Text.Json;
using Microsoft.Extensions.Logging;
using MoodBot.Lights.Bridges;
using MoodBot.Lights.State;

namespace MoodBot.Lights.Events;

/// <summary>
/// Keeps one bridge's part of the <see cref="HueBridgeCache"/> current: reads its rooms, zones,
/// grouped lights and lights, then follows its event stream; when the stream drops (or cannot be
/// opened) the bridge counts as unreachable and the whole read starts again after a back-off,
/// since the events missed meanwhile are gone.
/// </summary>
internal sealed partial class HueBridgeMonitor(HueConnections connections, HueBridgeCache cache, HueBridgeHealth health, TimeProvider time, ILogger<HueBridgeMonitor> logger)
{
    /// <summary>Runs until <paramref name="ct"/> fires, then returns quietly.</summary>
    public async Task RunAsync(HueBridge bridge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bridge);
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var client = connections.ClientFor(bridge);
                var (groups, lights) = await LoadAsync(client, bridge, ct).ConfigureAwait(false);

                // It answered: reachable again. The stream's first record may be minutes away.
                failures = 0;
                health.StreamOpened(bridge.Id);
                Log.StreamOpened(logger, bridge, groups, lights);
                await foreach (var record in client.ReadEventsAsync(ct).ConfigureAwait(false))
                {
                    if (Apply(bridge, record.EventId, record.Data))
                    {
                        // A room, zone or light was added or removed: events carry only the
                        // change, so who belongs where is read again.
                        (groups, lights) = await LoadAsync(client, bridge, ct).ConfigureAwait(false);
                        Log.Reloaded(logger, bridge, groups, lights);
                    }
                }

                health.StreamDropped(bridge.Id, "the bridge closed its event stream");
                Log.StreamEnded(logger, bridge);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HueException or HttpRequestException or IOException)
            {
                var reason = ex is HueException ? ex.Message : $"{bridge} dropped its event stream: {ex.Message}";
                health.StreamDropped(bridge.Id, reason);
                Log.StreamFailed(logger, bridge, reason);
            }

            try
            {
                await Task.Delay(ReconnectDelays.For(failures++), time, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<(int Groups, int Lights)> LoadAsync(HueBridgeClient client, HueBridge bridge, CancellationToken ct)
    {
        var rooms = await client.GetRoomsAsync(ct).ConfigureAwait(false);
        var zones = await client.GetZonesAsync(ct).ConfigureAwait(false);
        var groupedLights = await client.GetGroupedLightsAsync(ct).ConfigureAwait(false);
        var lights = await client.GetLightsAsync(ct).ConfigureAwait(false);
        cache.Load(bridge.Id, rooms.Concat(zones), groupedLights, lights);
        return (rooms.Count + zones.Count, lights.Count);
    }

    /// <summary>Applies a record's changes; true when it added or removed something the cache holds.</summary>
    private bool Apply(HueBridge bridge, string? id, string data)
    {
        IReadOnlyList<HueEvent>? events;
        try
        {
            events = JsonSerializer.Deserialize(data, HueEventJsonContext.Default.IReadOnlyListHueEvent);
        }
        catch (JsonException ex)
        {
            // One bad record is skipped; the stream goes on.
            Log.BadRecord(logger, bridge, id, ex.Message);
            return false;
        }

        var reshaped = false;
        foreach (var change in events ?? [])
        {
            reshaped |= change.Type is "add" or "delete" && change.Data is { } resources && resources.Any(r => r.Type is "room" or "zone" or "light" or "grouped_light");
            foreach (var groupedLight in cache.Apply(bridge.Id, change))
            {
                Log.ChangedByHand(logger, bridge, groupedLight);
            }
        }

        return reshaped;
    }

    // The bridge goes in as itself: its ToString leaves the application key out.
    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "{Bridge}: following its event stream ({Groups} rooms and zones, {Lights} lights)")]
        public static partial void StreamOpened(ILogger logger, HueBridge bridge, int groups, int lights);

        [LoggerMessage(Level = LogLevel.Information, Message = "{Bridge}: rooms or lights were added or removed; read again ({Groups} rooms and zones, {Lights} lights)")]
        public static partial void Reloaded(ILogger logger, HueBridge bridge, int groups, int lights);

        [LoggerMessage(Level = LogLevel.Information, Message = "{Bridge}: the event stream ended; reconnecting")]
        public static partial void StreamEnded(ILogger logger, HueBridge bridge);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Bridge}: unreachable ({Reason}); reconnecting")]
        public static partial void StreamFailed(ILogger logger, HueBridge bridge, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Bridge}: skipped event record {Id}: {Reason}")]
        public static partial void BadRecord(ILogger logger, HueBridge bridge, string? id, string reason);

        [LoggerMessage(Level = LogLevel.Information, Message = "{Bridge}: grouped light {GroupedLight} changed by hand")]
        public static partial void ChangedByHand(ILogger logger, HueBridge bridge, string groupedLight);
    }
}
