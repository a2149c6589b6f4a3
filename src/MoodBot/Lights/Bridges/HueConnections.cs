using Microsoft.Extensions.Logging;

namespace MoodBot.Lights.Bridges;

/// <summary>
/// The HTTP connections to paired bridges: one shared handler, and a <see cref="HueBridgeClient"/>
/// per bridge.
/// </summary>
internal sealed class HueConnections(TimeProvider time, ILoggerFactory loggers) : IDisposable
{
    // TODO(issue 7): validate the bridge certificate against the Hue root CA and the bridge id.
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

    public HueBridgeClient ClientFor(HueBridge bridge) =>
        new(_http, bridge, time, loggers.CreateLogger<HueBridgeClient>());

    public void Dispose() => _http.Dispose();
}
