using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MoodBot.Lights.Bridges;

/// <summary>
/// The HTTPS connections to bridges: one <see cref="HttpClient"/> per paired bridge, whose TLS
/// check pins that bridge's id (<see cref="HueCertificateCheck"/>), and a short-lived one per
/// pairing, which learns the id from the certificate. Never a client that accepts any certificate.
/// </summary>
internal sealed class HueConnections(HueTrustRoots roots, TimeProvider time, ILoggerFactory loggers) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<HttpClient>> _clients = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>With the real Hue roots.</summary>
    public HueConnections(TimeProvider time, ILoggerFactory loggers)
        : this(HueTrustRoots.Hue, time, loggers)
    {
    }

    public HueBridgeClient ClientFor(HueBridge bridge)
    {
        ArgumentNullException.ThrowIfNull(bridge);
        var http = _clients.GetOrAdd(bridge.Id, id => new Lazy<HttpClient>(() => Create(new HueCertificateCheck(roots, id)))).Value;
        return new(http, bridge, time, loggers.CreateLogger<HueBridgeClient>());
    }

    /// <summary>
    /// A connection to a bridge not paired yet: the chain is checked, and the id the certificate
    /// names is pinned from then on (or <paramref name="expectedId"/> from the start, e.g. from mDNS).
    /// </summary>
    public HueUnpairedConnection OpenUnpaired(string? expectedId)
    {
        var check = new HueCertificateCheck(roots, expectedId);
        return new HueUnpairedConnection(Create(check), check);
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }
    }

    private static HttpClient Create(HueCertificateCheck check) =>
        new(new SocketsHttpHandler
        {
            // Bridges change address on DHCP renewals; a re-pair must not meet a stale connection.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            SslOptions = { RemoteCertificateValidationCallback = check.Validate },
        });
}
