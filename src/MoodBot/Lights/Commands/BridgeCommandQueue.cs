using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MoodBot.Lights.Bridges;
using MoodBot.Lights.State;

namespace MoodBot.Lights.Commands;

/// <summary>
/// One bridge's writes, sent one at a time by a single loop. Only the latest state per resource
/// waits: a newer state replaces an unsent older one, so a burst of moods ends in one write of
/// the last. Grouped lights and lights are paced separately (<see cref="HueCommandLimits"/>); a
/// failure the bridge may get over (429, 5xx, no answer) holds the whole bridge back, then the
/// resource's latest state is sent again, a bounded number of times.
/// </summary>
internal sealed partial class BridgeCommandQueue : IAsyncDisposable
{
    private readonly HueConnections _connections;
    private readonly HueBridgeCache _cache;
    private readonly HueBridgeHealth _health;
    private readonly TimeProvider _time;
    private readonly HueCommandLimits _limits;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<(HueResourceKind, string), Waiting> _waiting = [];
    private readonly Channel<bool> _doorbell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private HueBridge _bridge;
    private long _order;
    private bool _sending;
    private DateTimeOffset _nextGroupedLight;
    private DateTimeOffset _nextLight;
    private DateTimeOffset _notBefore;

    public BridgeCommandQueue(HueBridge bridge, HueConnections connections, HueBridgeCache cache, HueBridgeHealth health, TimeProvider time, HueCommandLimits limits, ILogger logger)
    {
        _bridge = bridge;
        _connections = connections;
        _cache = cache;
        _health = health;
        _time = time;
        _limits = limits;
        _logger = logger;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Commands waiting or being sent; 0 once everything has landed or been given up.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count + (_sending ? 1 : 0);
            }
        }
    }

    /// <summary>Queues a write and returns at once; a state still waiting for the same resource is replaced.</summary>
    public void Enqueue(HueBridge bridge, HueCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        lock (_gate)
        {
            // Pairing again may have moved the bridge or changed its key.
            _bridge = bridge;
            var key = (command.Kind, command.ResourceId);
            _waiting[key] = _waiting.TryGetValue(key, out var older)
                ? older with { Command = command, Attempts = 0 }
                : new Waiting(command, ++_order, 0);
        }

        _doorbell.Writer.TryWrite(true);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                Waiting? next;
                TimeSpan wait;
                HueBridge bridge;
                lock (_gate)
                {
                    (next, wait) = PickLocked(_time.GetUtcNow());
                    _sending = next is not null;
                    bridge = _bridge;
                }

                if (next is null)
                {
                    await WaitAsync(wait, ct).ConfigureAwait(false);
                    continue;
                }

                await SendAsync(bridge, next, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A bug here must not stop the bridge's lights for the life of the process.
                Log.LoopFailed(_logger, _bridge, ex);
            }
            finally
            {
                lock (_gate)
                {
                    _sending = false;
                }
            }
        }
    }

    // The oldest waiting command whose lane is free, or how long until one is (infinite: none waits).
    private (Waiting? Next, TimeSpan Wait) PickLocked(DateTimeOffset now)
    {
        Waiting? due = null;
        var soonest = DateTimeOffset.MaxValue;
        foreach (var (key, waiting) in _waiting)
        {
            var free = Max(_notBefore, key.Item1 == HueResourceKind.GroupedLight ? _nextGroupedLight : _nextLight);
            if (free <= now)
            {
                if (due is null || waiting.Order < due.Order)
                {
                    due = waiting;
                }
            }
            else if (free < soonest)
            {
                soonest = free;
            }
        }

        if (due is not null)
        {
            _waiting.Remove((due.Command.Kind, due.Command.ResourceId));
            return (due, TimeSpan.Zero);
        }

        return (null, soonest == DateTimeOffset.MaxValue ? Timeout.InfiniteTimeSpan : soonest - now);
    }

    private async Task WaitAsync(TimeSpan wait, CancellationToken ct)
    {
        if (wait == Timeout.InfiniteTimeSpan)
        {
            await _doorbell.Reader.ReadAsync(ct).ConfigureAwait(false);
            return;
        }

        // A new command may be for the other lane, free sooner: the doorbell ends the wait too.
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var ring = _doorbell.Reader.WaitToReadAsync(either.Token).AsTask();
        var delay = Task.Delay(wait, _time, either.Token);
        await Task.WhenAny(ring, delay).ConfigureAwait(false);
        await either.CancelAsync().ConfigureAwait(false);
        _doorbell.Reader.TryRead(out _);
        ct.ThrowIfCancellationRequested();
    }

    private async Task SendAsync(HueBridge bridge, Waiting waiting, CancellationToken ct)
    {
        var command = waiting.Command;
        var started = _time.GetUtcNow();
        lock (_gate)
        {
            if (command.Kind == HueResourceKind.GroupedLight)
            {
                _nextGroupedLight = started + _limits.GroupedLightInterval;
            }
            else
            {
                _nextLight = started + _limits.LightInterval;
            }
        }

        try
        {
            var client = _connections.ClientFor(bridge);
            _ = command.Kind == HueResourceKind.GroupedLight
                ? await client.UpdateGroupedLightAsync(command.ResourceId, command.Update, ct).ConfigureAwait(false)
                : await client.UpdateLightAsync(command.ResourceId, command.Update, ct).ConfigureAwait(false);
            _cache.NoteSent(bridge.Id, command);
            _health.Succeeded(bridge.Id);
        }
        catch (HueException ex)
        {
            _health.Failed(bridge.Id, ex);
            var attempts = waiting.Attempts + 1;
            if (!ex.IsTransient || attempts >= _limits.MaxAttempts)
            {
                Log.GaveUp(_logger, bridge, command.Kind, command.ResourceId, attempts, ex.Message);
                return;
            }

            var backoff = ex.RetryAfter ?? _limits.Backoff;
            lock (_gate)
            {
                _notBefore = _time.GetUtcNow() + backoff;
                var key = (command.Kind, command.ResourceId);
                // The retry sends the latest state: a newer one that came meanwhile takes the failed one's place.
                _waiting[key] = _waiting.TryGetValue(key, out var newer)
                    ? newer with { Order = waiting.Order, Attempts = Math.Max(newer.Attempts, attempts) }
                    : waiting with { Attempts = attempts };
            }

            Log.Retrying(_logger, bridge, command.Kind, command.ResourceId, backoff.TotalSeconds, ex.Message);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed record Waiting(HueCommand Command, long Order, int Attempts);

    // The bridge goes in as itself: its ToString leaves the application key out.
    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "{Bridge}: {Kind} {Id} failed ({Reason}); sending its latest state again in {Seconds} s")]
        public static partial void Retrying(ILogger logger, HueBridge bridge, HueResourceKind kind, string id, double seconds, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Bridge}: gave up on {Kind} {Id} after {Attempts} attempt(s): {Reason}")]
        public static partial void GaveUp(ILogger logger, HueBridge bridge, HueResourceKind kind, string id, int attempts, string reason);

        [LoggerMessage(Level = LogLevel.Error, Message = "{Bridge}: the command loop failed; it goes on with the next command")]
        public static partial void LoopFailed(ILogger logger, HueBridge bridge, Exception exception);
    }
}
