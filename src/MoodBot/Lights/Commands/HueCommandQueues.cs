using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MoodBot.Lights.Bridges;
using MoodBot.Lights.State;

namespace MoodBot.Lights.Commands;

/// <summary>A <see cref="BridgeCommandQueue"/> per bridge, made on its first command.</summary>
internal sealed class HueCommandQueues(
    HueConnections connections,
    HueBridgeCache cache,
    HueBridgeHealth health,
    TimeProvider time,
    ILogger<BridgeCommandQueue> logger,
    HueCommandLimits? limits = null) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<BridgeCommandQueue>> _queues = new(StringComparer.Ordinal);

    /// <summary>Queues a write for the bridge and returns at once.</summary>
    public void Enqueue(HueBridge bridge, HueCommand command)
    {
        ArgumentNullException.ThrowIfNull(bridge);
        For(bridge).Enqueue(bridge, command);
    }

    /// <summary>Commands waiting or in flight for a bridge.</summary>
    public int Pending(string bridgeId) => _queues.TryGetValue(bridgeId, out var queue) && queue.IsValueCreated ? queue.Value.Pending : 0;

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _queues.Values.Where(q => q.IsValueCreated))
        {
            await queue.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    private BridgeCommandQueue For(HueBridge bridge) =>
        _queues.GetOrAdd(bridge.Id, _ => new Lazy<BridgeCommandQueue>(() =>
            new BridgeCommandQueue(bridge, connections, cache, health, time, limits ?? HueCommandLimits.Default, logger))).Value;
}
