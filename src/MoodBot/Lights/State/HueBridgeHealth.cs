using System.Collections.Concurrent;

namespace MoodBot.Lights.State;

/// <summary>Every paired bridge's <see cref="BridgeHealth"/>, fed by the command queues and the event streams.</summary>
internal sealed class HueBridgeHealth(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, BridgeHealth> _bridges = new(StringComparer.Ordinal);

    public BridgeHealth Of(string bridgeId) => _bridges.GetValueOrDefault(bridgeId, BridgeHealth.Unknown);

    public void Succeeded(string bridgeId)
    {
        var now = time.GetUtcNow();
        _bridges.AddOrUpdate(bridgeId, _ => BridgeHealth.Unknown with { LastSuccess = now }, (_, h) => h with { LastSuccess = now });
    }

    public void Failed(string bridgeId, HueException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var now = time.GetUtcNow();
        var silent = error.Status is null;
        _bridges.AddOrUpdate(
            bridgeId,
            _ => BridgeHealth.Unknown with { LastFailure = now, LastFailureReason = error.Message, LastFailureWasSilence = silent },
            (_, h) => h with { LastFailure = now, LastFailureReason = error.Message, LastFailureWasSilence = silent });
    }

    public void StreamOpened(string bridgeId)
    {
        var now = time.GetUtcNow();
        _bridges.AddOrUpdate(bridgeId, _ => BridgeHealth.Unknown with { StreamUp = true, LastSuccess = now }, (_, h) => h with { StreamUp = true, LastSuccess = now });
    }

    public void StreamDropped(string bridgeId, string reason)
    {
        var now = time.GetUtcNow();
        _bridges.AddOrUpdate(
            bridgeId,
            _ => BridgeHealth.Unknown with { StreamUp = false, LastFailure = now, LastFailureReason = reason, LastFailureWasSilence = true },
            (_, h) => h with { StreamUp = false, LastFailure = now, LastFailureReason = reason, LastFailureWasSilence = true });
    }

    /// <summary>An unpaired bridge, or a stopped monitor: its health is unknown again.</summary>
    public void Forget(string bridgeId) => _bridges.TryRemove(bridgeId, out _);
}
