using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MoodBot.Tests.Lights;

/// <summary>
/// A loopback Kestrel server answering over HTTPS, with a certificate for <see cref="BridgeId"/>
/// signed by the test CA (<see cref="TestHueCertificates"/>), the CLIP v2 routes the client uses as
/// a bridge does: the <c>hue-application-key</c> header is checked (403 and an error envelope when
/// wrong), every answer is the <c>{"errors":[],"data":[...]}</c> envelope, a PUT to an unknown
/// grouped_light is a 404. Unauthenticated, as on a bridge: <c>GET /api/0/config</c> and pairing's
/// <c>POST /api</c>, which says "link button not pressed" until <see cref="LinkButtonPressedAfter"/>
/// attempts. <see cref="Script"/> can answer instead (throttling, a hang, a broken body).
/// </summary>
public sealed class FakeHueBridge : IAsyncDisposable
{
    public const string Key = "fake-app-key-0123456789abcdef";

    public const string BridgeId = "001788fffe6a1b2c";

    public const string LivingRoom = "3f4ac4e9-d67a-4dbd-8a16-5ea7e373f281";

    public const string LivingRoomLights = "f10ebd4d-2a9c-4a0f-8a0e-1f7d0b3c5a11";

    public const string Office = "6b1b4b4e-0c5d-4a43-9d4a-2bb8f5c9d0e2";

    public const string OfficeLights = "9a7e3c2d-51b4-4f0a-bb8e-2c6f1d4e7a33";

    public const string DownstairsZone = "c2d9f0a1-7e3b-4c8d-9f1a-0b2c3d4e5f66";

    public const string DownstairsLights = "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f77";

    public const string Bulb = "e7f8a9b0-c1d2-4e3f-9a4b-5c6d7e8f9a01";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeHueRequest> _requests = new();
    private int _pairingAttempts;

    public const string EventStreamPath = "/eventstream/clip/v2";

    private readonly ConcurrentDictionary<int, Channel<string>> _eventStreams = new();
    private int _streamCount;
    private int _eventCount;

    private FakeHueBridge(WebApplication app)
    {
        _app = app;
        _app.Run(AnswerAsync);
    }

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<FakeHueRequest> Requests => [.. _requests];

    /// <summary>How many pairing requests are answered "link button not pressed" before one gets the key.</summary>
    public int LinkButtonPressedAfter { get; set; }

    /// <summary>The key a successful pairing hands out (the fake accepts it from then on, as it accepts <see cref="Key"/>).</summary>
    public static string PairedKey => Key;

    /// <summary>Answers a request instead of the bridge: (status, body), or null for the usual answer.</summary>
    public Func<FakeHueRequest, CancellationToken, Task<(int Status, string Body)?>>? Script { get; set; }

    /// <summary>A Retry-After (seconds) to send with every 429 a <see cref="Script"/> answers.</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>Event streams open now: push events only once the client has one.</summary>
    public int EventStreams => _eventStreams.Count;

    public static string Rooms => Envelope($$$"""
        {"id":"{{{LivingRoom}}}","type":"room","metadata":{"name":"Living room","archetype":"living_room"},
         "children":[{"rid":"0b2d6c7e-8f9a-4b1c-9d2e-3f4a5b6c7d88","rtype":"device"}],
         "services":[{"rid":"{{{LivingRoomLights}}}","rtype":"grouped_light"}]},
        {"id":"{{{Office}}}","type":"room","metadata":{"name":"Office","archetype":"office"},
         "children":[],"services":[{"rid":"{{{OfficeLights}}}","rtype":"grouped_light"}]}
        """);

    public static string Zones => Envelope($$$"""
        {"id":"{{{DownstairsZone}}}","type":"zone","metadata":{"name":"Downstairs","archetype":"downstairs"},
         "children":[{"rid":"{{{Bulb}}}","rtype":"light"}],
         "services":[{"rid":"{{{DownstairsLights}}}","rtype":"grouped_light"}]}
        """);

    public static string GroupedLights => Envelope($$$"""
        {"id":"{{{LivingRoomLights}}}","type":"grouped_light","owner":{"rid":"{{{LivingRoom}}}","rtype":"room"},"on":{"on":true},"dimming":{"brightness":54.5}},
        {"id":"{{{OfficeLights}}}","type":"grouped_light","owner":{"rid":"{{{Office}}}","rtype":"room"},"on":{"on":false}},
        {"id":"{{{DownstairsLights}}}","type":"grouped_light","owner":{"rid":"{{{DownstairsZone}}}","rtype":"zone"},"on":{"on":true}}
        """);

    public static string Lights => Envelope($$$"""
        {"id":"{{{Bulb}}}","type":"light","owner":{"rid":"0b2d6c7e-8f9a-4b1c-9d2e-3f4a5b6c7d88","rtype":"device"},
         "metadata":{"name":"Hue color lamp 1","archetype":"sultan_bulb","function":"mixed"},"identify":{},"service_id":0,"mode":"normal",
         "on":{"on":true},"dimming":{"brightness":100,"min_dim_level":0.2},
         "color_temperature":{"mirek":366,"mirek_valid":true,"mirek_schema":{"mirek_minimum":153,"mirek_maximum":500}},
         "color":{"xy":{"x":0.4573,"y":0.41},"gamut":{"red":{"x":0.6915,"y":0.3083},"green":{"x":0.17,"y":0.7},"blue":{"x":0.1532,"y":0.0475}},"gamut_type":"C"}},
        {"id":"a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d","type":"light","owner":{"rid":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f","rtype":"device"},
         "metadata":{"name":"Old bloom","archetype":"hue_bloom","function":"decorative"},"identify":{},"service_id":0,"mode":"normal",
         "on":{"on":false},"dimming":{"brightness":20},
         "color":{"xy":{"x":0.3,"y":0.3},"gamut_type":"A"}}
        """);

    /// <summary>What a bridge says about itself without a key; the id in capitals, as bridges write it there.</summary>
    public static string Config => $$"""
        {"name":"Fake bridge","datastoreversion":"163","swversion":"1967054020","apiversion":"1.67.0","mac":"00:17:88:6a:1b:2c",
         "bridgeid":"{{BridgeId.ToUpperInvariant()}}","factorynew":false,"replacesbridgeid":null,"modelid":"BSB002","starterkitid":""}
        """;

    /// <summary>The roots that trust this fake's certificate (the test CA), as the bot's code takes them.</summary>
    internal static MoodBot.Lights.Bridges.HueTrustRoots Trust => TestHueCertificates.Trust;

    /// <summary>A fake bridge over HTTPS with <paramref name="certificate"/>, by default a bridge certificate for <see cref="BridgeId"/> from the test CA.</summary>
    public static async Task<FakeHueBridge> StartAsync(X509Certificate2? certificate = null)
    {
        certificate ??= TestHueCertificates.Bridge(BridgeId, TestHueCertificates.Ca);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        builder.Logging.ClearProviders();
        var fake = new FakeHueBridge(builder.Build());
        await fake._app.StartAsync();
        fake.Address = new Uri(fake._app.Urls.Single().TrimEnd('/') + "/");
        return fake;
    }

    public static string Envelope(string data, string errors = "") => $$"""{"errors":[{{errors}}],"data":[{{data}}]}""";

    /// <summary>Sends one SSE record, <c>data:</c> being a JSON array of event containers, to every open event stream.</summary>
    public void PushEvents(string containers)
    {
        var id = Interlocked.Increment(ref _eventCount);
        var record = $"id: {1770343753 + id}:0\ndata: {containers.ReplaceLineEndings("")}\n\n";
        foreach (var stream in _eventStreams.Values)
        {
            stream.Writer.TryWrite(record);
        }
    }

    /// <summary>Ends every open event stream, as a bridge does when it restarts.</summary>
    public void DropEventStreams()
    {
        foreach (var stream in _eventStreams.Values)
        {
            stream.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Open event streams would hold the server's shutdown until its timeout.
        DropEventStreams();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var request = new FakeHueRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.Headers["hue-application-key"].FirstOrDefault(),
            await reader.ReadToEndAsync(context.RequestAborted));
        _requests.Enqueue(request);
        var scripted = Script is null ? null : await Script(request, context.RequestAborted);
        if (scripted is null && request.Path == EventStreamPath)
        {
            await StreamEventsAsync(context, request);
            return;
        }

        var (status, body) = scripted ?? Default(request, ref _pairingAttempts, LinkButtonPressedAfter);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (status == 429 && RetryAfterSeconds is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    // The bridge greets a new stream with a comment, then sends records as things change.
    private async Task StreamEventsAsync(HttpContext context, FakeHueRequest request)
    {
        if (request.ApplicationKey != Key)
        {
            context.Response.StatusCode = 403;
            await context.Response.WriteAsync(Envelope("", """{"description":"unauthorized user"}"""), context.RequestAborted);
            return;
        }

        var id = Interlocked.Increment(ref _streamCount);
        var records = Channel.CreateUnbounded<string>();
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        await context.Response.WriteAsync(": hi\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        _eventStreams[id] = records;
        try
        {
            await foreach (var record in records.Reader.ReadAllAsync(context.RequestAborted))
            {
                await context.Response.WriteAsync(record, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
        finally
        {
            _eventStreams.TryRemove(id, out _);
        }
    }

    private static (int, string) Default(FakeHueRequest request, ref int pairingAttempts, int pressedAfter)
    {
        switch (request.Method, request.Path)
        {
            case ("GET", "/api/0/config"):
                return (200, Config);
            case ("POST", "/api"):
                if (!request.Body.Contains("\"devicetype\"", StringComparison.Ordinal))
                {
                    return (200, """[{"error":{"type":5,"address":"/","description":"invalid/missing parameters in body"}}]""");
                }

                return Interlocked.Increment(ref pairingAttempts) <= pressedAfter
                    ? (200, """[{"error":{"type":101,"address":"","description":"link button not pressed"}}]""")
                    : (200, $$$"""[{"success":{"username":"{{{PairedKey}}}","clientkey":"0123456789ABCDEF0123456789ABCDEF"}}]""");
        }

        if (request.ApplicationKey != Key)
        {
            return (403, Envelope("", """{"description":"unauthorized user"}"""));
        }

        const string Resource = "/clip/v2/resource/";
        return (request.Method, request.Path) switch
        {
            ("GET", Resource + "room") => (200, Rooms),
            ("GET", Resource + "zone") => (200, Zones),
            ("GET", Resource + "grouped_light") => (200, GroupedLights),
            ("GET", Resource + "light") => (200, Lights),
            ("PUT", var p) when p.StartsWith(Resource + "grouped_light/", StringComparison.Ordinal)
                && p[(Resource.Length + "grouped_light/".Length)..] is var id
                && id is LivingRoomLights or OfficeLights or DownstairsLights =>
                (200, Envelope($$"""{"rid":"{{id}}","rtype":"grouped_light"}""")),
            ("PUT", var p) when p.StartsWith(Resource + "light/", StringComparison.Ordinal) =>
                (200, Envelope($$"""{"rid":"{{p[(Resource.Length + "light/".Length)..]}}","rtype":"light"}""")),
            ("PUT", _) => (404, Envelope("", """{"description":"Not Found"}""")),
            _ => (405, Envelope("", """{"description":"method not allowed"}""")),
        };
    }
}
