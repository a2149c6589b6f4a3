using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Net;
using System.Text.Json;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MoodBot.Chat;
using MoodBot.Discord;
using MoodBot.Discord.Gateway;

namespace MoodBot.Benchmarks;

/// <summary>
/// `gateway-dispatch [count]`: a loopback Kestrel WebSocket server speaks the gateway protocol
/// (Hello, Identify, READY, heartbeat ACKs) to the real <see cref="GatewayHostedService"/> and
/// its <see cref="GatewayClient"/>, then sends MESSAGE_CREATE dispatches. Each is timed from just
/// before the server's <c>SendAsync</c> to the moment the handler is called, in two runs: one
/// dispatch in flight at a time (the latency one event sees), then all of them back to back (what
/// queueing adds when a burst arrives).
/// </summary>
internal static class GatewayDispatchLatency
{
    private const int WarmUp = 2_000;

    // A MESSAGE_CREATE of the size a short chat message has on the wire (~1 KB with its author and member).
    private const string MessageData = """
        {"id":"1180000000000000000","channel_id":"1170000000000000000","guild_id":"1160000000000000000",
        "author":{"id":"1150000000000000000","username":"someone","global_name":"Someone","avatar":"0123456789abcdef0123456789abcdef","discriminator":"0","public_flags":0,"flags":0,"banner":null,"accent_color":null,"avatar_decoration_data":null,"clan":null},
        "member":{"roles":["1140000000000000000"],"premium_since":null,"pending":false,"nick":null,"mute":false,"joined_at":"2024-01-01T00:00:00.000000+00:00","flags":0,"deaf":false,"communication_disabled_until":null,"banner":null,"avatar":null},
        "content":"<@1130000000000000000> ugh, this week has completely drained me, play something calm please",
        "timestamp":"2026-01-01T12:00:00.000000+00:00","edited_timestamp":null,"tts":false,"mention_everyone":false,
        "mentions":[{"id":"1130000000000000000","username":"MoodBot","global_name":null,"avatar":null,"discriminator":"0","public_flags":0,"flags":0,"bot":true}],
        "mention_roles":[],"attachments":[],"embeds":[],"components":[],"pinned":false,"type":0,"flags":0,"nonce":"1180000000000000001"}
        """;

    public static async Task RunAsync(TextWriter output, string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        await using var server = await LoopbackGateway.StartAsync();
        var handler = new TimingHandler(WarmUp + (2 * count) + 2);
        var options = new DiscordOptions { Token = "bench-token-not-a-secret", GatewayUrl = server.Url };
        using var service = new GatewayHostedService(
            Options.Create(options), new ClientWebSocketConnector(), [handler],
            new IdentifyGate(TimeProvider.System, NullLogger<IdentifyGate>.Instance), TimeProvider.System, NullLoggerFactory.Instance);
        await service.StartAsync(CancellationToken.None);
        await server.HandshakeAsync();

        var data = Compact(MessageData);
        var seq = 2;
        var payloads = Enumerable.Range(0, WarmUp + (2 * count))
            .Select(i => Encoding.UTF8.GetBytes($$"""{"op":0,"d":{{data}},"s":{{i + 2}},"t":"MESSAGE_CREATE"}"""))
            .ToArray();

        // One in flight: send, wait for the handler, send the next.
        var sentAt = new long[payloads.Length + 2];
        for (var i = 0; i < WarmUp + count; i++, seq++)
        {
            sentAt[seq] = Stopwatch.GetTimestamp();
            await server.SendAsync(payloads[i]);
            await handler.Done.Reader.ReadAsync();
        }

        var paced = Latencies(sentAt, handler.ReceivedAt, WarmUp + 2, count);

        // A burst: every dispatch sent as fast as the socket takes them, then collected.
        var burstStart = Stopwatch.GetTimestamp();
        var first = seq;
        for (var i = WarmUp + count; i < payloads.Length; i++, seq++)
        {
            sentAt[seq] = Stopwatch.GetTimestamp();
            await server.SendAsync(payloads[i]);
        }

        for (var i = 0; i < count; i++)
        {
            await handler.Done.Reader.ReadAsync();
        }

        var burstSeconds = Stopwatch.GetElapsedTime(burstStart).TotalSeconds;
        var burst = Latencies(sentAt, handler.ReceivedAt, first, count);
        await service.StopAsync(CancellationToken.None);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} MESSAGE_CREATE dispatches of {payloads[0].Length:N0} bytes, loopback WebSocket to handler, after {WarmUp:N0} warm-up"));
        output.WriteLine(Summary("one in flight", paced));
        output.WriteLine(Summary("burst", burst) + string.Create(CultureInfo.InvariantCulture, $", {count / burstSeconds:N0} dispatches/s"));
    }

    private static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            document.RootElement.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static double[] Latencies(long[] sentAt, long[] receivedAt, int firstSeq, int count)
    {
        var samples = new double[count];
        for (var i = 0; i < count; i++)
        {
            samples[i] = Stopwatch.GetElapsedTime(sentAt[firstSeq + i], receivedAt[firstSeq + i]).TotalMilliseconds;
        }

        Array.Sort(samples);
        return samples;
    }

    private static string Summary(string name, double[] samples)
    {
        double Percentile(double p) => samples[(int)Math.Min(samples.Length - 1, Math.Ceiling(p * samples.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"{name}: p50 {Percentile(0.50):0.000} ms, p90 {Percentile(0.90):0.000} ms, p99 {Percentile(0.99):0.000} ms, p99.9 {Percentile(0.999):0.000} ms, max {samples[^1]:0.000} ms");
    }

    /// <summary>Stamps the time each dispatch reaches it, first thing, and says which one came.</summary>
    private sealed class TimingHandler(int size) : IGatewayEventHandler
    {
        public long[] ReceivedAt { get; } = new long[size];

        public Channel<int> Done { get; } = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

        public string EventName => "MESSAGE_CREATE";

        public ValueTask HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken)
        {
            ReceivedAt[gatewayEvent.Sequence] = Stopwatch.GetTimestamp();
            Done.Writer.TryWrite(gatewayEvent.Sequence);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The server side: one gateway connection, scripted just far enough for a session.</summary>
    private sealed class LoopbackGateway : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly TaskCompletionSource<WebSocket> _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly SemaphoreSlim _sendLock = new(1, 1);
        private readonly Channel<int> _clientOps = Channel.CreateUnbounded<int>();
        private WebSocket _socket = null!;
        private Task _reading = Task.CompletedTask;

        private LoopbackGateway(WebApplication app) => _app = app;

        public Uri Url { get; private set; } = null!;

        public static async Task<LoopbackGateway> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            var gateway = new LoopbackGateway(builder.Build());
            gateway._app.UseWebSockets();
            gateway._app.Map("/gateway", gateway.AcceptAsync);
            await gateway._app.StartAsync();
            gateway.Url = new Uri(gateway._app.Urls.Single().Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + "/gateway");
            return gateway;
        }

        /// <summary>Hello, the client's Identify, READY.</summary>
        public async Task HandshakeAsync()
        {
            _socket = await _accepted.Task.WaitAsync(TimeSpan.FromSeconds(10));
            _reading = ReadLoopAsync();
            await SendAsync(Encoding.UTF8.GetBytes("""{"op":10,"d":{"heartbeat_interval":45000},"s":null,"t":null}"""));
            var op = await _clientOps.Reader.ReadAsync();
            if (op != 2)
            {
                throw new InvalidOperationException($"expected Identify, got op {op}");
            }

            await SendAsync(Encoding.UTF8.GetBytes("""{"op":0,"d":{"v":10,"session_id":"bench","resume_gateway_url":"ws://127.0.0.1:9/"},"s":1,"t":"READY"}"""));
        }

        public async Task SendAsync(byte[] payload)
        {
            await _sendLock.WaitAsync();
            try
            {
                await _socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
            finally
            {
                _sendLock.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            _finished.TrySetResult();
            await _reading.WaitAsync(TimeSpan.FromSeconds(5));
            await _app.StopAsync();
            await _app.DisposeAsync();
            _sendLock.Dispose();
        }

        private async Task AcceptAsync(HttpContext context)
        {
            var socket = await context.WebSockets.AcceptWebSocketAsync();
            _accepted.TrySetResult(socket);
            await _finished.Task;
        }

        // Answers heartbeats, as Discord does, so a long run is not taken for a zombie.
        private async Task ReadLoopAsync()
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (true)
                {
                    var length = 0;
                    ValueWebSocketReceiveResult result;
                    do
                    {
                        result = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                        if (result.MessageType == WebSocketMessageType.Close)
                        {
                            return;
                        }

                        length += result.Count;
                    }
                    while (!result.EndOfMessage);

                    using var frame = JsonDocument.Parse(buffer.AsMemory(0, length));
                    var op = frame.RootElement.GetProperty("op").GetInt32();
                    if (op == 1)
                    {
                        await SendAsync(Encoding.UTF8.GetBytes("""{"op":11,"d":null,"s":null,"t":null}"""));
                    }
                    else
                    {
                        _clientOps.Writer.TryWrite(op);
                    }
                }
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
            {
                // The client went away at the end of the run.
            }
        }
    }
}
