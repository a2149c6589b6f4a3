using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MoodBot.Lights;
using MoodBot.Lights.Bridges;
using MoodBot.Lights.Commands;
using MoodBot.Lights.State;
using MoodBot.Tests.Audio.Gcs;

namespace MoodBot.Tests.Lights;

/// <summary>
/// The lights engine over a <see cref="FakeHueBridge"/>: the real client on loopback, the queue and
/// cache on a <see cref="FakeTimeProvider"/>. The client's own 5 s timeout runs on the real clock,
/// so stepping fake time never times a request out.
/// </summary>
internal sealed class LightsRig : IAsyncDisposable
{
    private LightsRig(FakeHueBridge bridge)
    {
        Fake = bridge;
        Bridge = new HueBridge(FakeHueBridge.BridgeId, bridge.Address, FakeHueBridge.Key);
        Connections = new HueConnections(FakeHueBridge.Trust, TimeProvider.System, Logs.CreateFactory());
        Cache = new HueBridgeCache(Time);
        Health = new HueBridgeHealth(Time);
        Queues = new HueCommandQueues(Connections, Cache, Health, Time, Logs.CreateFactory().CreateLogger<BridgeCommandQueue>());
    }

    public FakeHueBridge Fake { get; }

    public HueBridge Bridge { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.Zero));

    public CollectingLoggerProvider Logs { get; } = new();

    public HueConnections Connections { get; }

    public HueBridgeCache Cache { get; }

    public HueBridgeHealth Health { get; }

    public HueCommandQueues Queues { get; }

    public IEnumerable<FakeHueRequest> Puts => Fake.Requests.Where(r => r.Method == "PUT");

    public static async Task<LightsRig> StartAsync() => new(await FakeHueBridge.StartAsync());

    /// <summary>Reads the bridge's resources into the cache, as the monitor does on connecting.</summary>
    public async Task LoadCacheAsync()
    {
        var client = Connections.ClientFor(Bridge);
        var groups = (await client.GetRoomsAsync(CancellationToken.None)).Concat(await client.GetZonesAsync(CancellationToken.None));
        Cache.Load(Bridge.Id, groups, await client.GetGroupedLightsAsync(CancellationToken.None), await client.GetLightsAsync(CancellationToken.None));
    }

    /// <summary>
    /// Steps fake time until <paramref name="condition"/> holds, giving the loops real time to run
    /// between steps; fails after a generous real-time cap rather than hanging.
    /// </summary>
    public async Task UntilAsync(Func<bool> condition, string what, TimeSpan? step = null)
    {
        var cap = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < cap, "never happened: " + what);
            Time.Advance(step ?? TimeSpan.FromMilliseconds(100));
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Queues.DisposeAsync();
        Connections.Dispose();
        await Fake.DisposeAsync();
        Logs.Dispose();
    }
}
