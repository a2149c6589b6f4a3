using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MoodBot.Web;

namespace MoodBot.Benchmarks;

/// <summary>
/// `discord-interactions`: the real host on a loopback gateway and REST API that answer at once.
/// Measures the time from the gateway sending INTERACTION_CREATE to the deferral (callback type 5)
/// reaching the REST API, for interactions one after another and for a burst sent all at once.
/// </summary>
internal static class DiscordInteractionLatency
{
    private const int Sequential = 2_000;
    private const int Burst = 1_000;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(TextWriter output)
    {
        await using var discord = await LoopbackDiscord.StartAsync();
        var state = Path.Combine(Path.GetTempPath(), "moodbot-discord-bench-" + Guid.NewGuid().ToString("N"));
        string[] args =
        [
            "--Web:Urls=http://127.0.0.1:0", $"--State:Path={state}", "--Logging:LogLevel:Default=Error", "--Audio:PrerenderCatalogue=false",
            "--Discord:Token=bench", "--Discord:GatewayUrl=" + discord.GatewayUrl, "--Discord:ApiUrl=" + discord.ApiUrl,
        ];
        await using var app = MoodBotWebApp.Create(args, BenchModel.Root);
        await app.StartAsync();
        await discord.Ready.WaitAsync(TimeSpan.FromSeconds(30));

        // Interaction ids are snowflakes (digits); each round has its own range. Warm-up: JIT and the first connections are not what is measured.
        await RoundAsync(discord, 1_000_000, 200, concurrent: false);
        var one = await RoundAsync(discord, 2_000_000, Sequential, concurrent: false);
        Report(output, $"one at a time ({Sequential:N0})", one);
        var burst = await RoundAsync(discord, 3_000_000, Burst, concurrent: true);
        Report(output, $"burst of {Burst:N0} at once", burst);
        output.WriteLine($"burst: {burst.Count(ms => ms > Deadline.TotalMilliseconds)} of {Burst:N0} deferred later than 3 s");

        await app.StopAsync();
        Directory.Delete(state, recursive: true);
    }

    private static async Task<List<double>> RoundAsync(LoopbackDiscord discord, long firstId, int count, bool concurrent)
    {
        var latencies = new List<double>(count);
        if (concurrent)
        {
            var sent = new long[count];
            for (var i = 0; i < count; i++)
            {
                sent[i] = Stopwatch.GetTimestamp();
                await discord.SendInteractionAsync((firstId + i).ToString(CultureInfo.InvariantCulture));
            }

            for (var i = 0; i < count; i++)
            {
                var arrived = await discord.DeferralOf((firstId + i).ToString(CultureInfo.InvariantCulture));
                latencies.Add(Stopwatch.GetElapsedTime(sent[i], arrived).TotalMilliseconds);
            }
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await discord.SendInteractionAsync((firstId + i).ToString(CultureInfo.InvariantCulture));
                latencies.Add(Stopwatch.GetElapsedTime(start, await discord.DeferralOf((firstId + i).ToString(CultureInfo.InvariantCulture))).TotalMilliseconds);
            }
        }

        return latencies;
    }

    private static void Report(TextWriter output, string what, List<double> ms)
    {
        ms.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: interaction -> deferral p50 {ms[ms.Count / 2]:0.00} ms, p99 {ms[(int)(ms.Count * 0.99)]:0.00} ms, max {ms[^1]:0.00} ms"));
    }

    /// <summary>A gateway that says Hello/READY and forwards frames, and a REST API that records when each deferral arrives.</summary>
    private sealed class LoopbackDiscord : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly Channel<string> _frames = Channel.CreateUnbounded<string>();
        private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _deferrals = new();
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _sequence = 1;

        private LoopbackDiscord(WebApplication app) => _app = app;

        public string GatewayUrl { get; private set; } = "";

        public string ApiUrl { get; private set; } = "";

        public Task Ready => _ready.Task;

        public static async Task<LoopbackDiscord> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            var discord = new LoopbackDiscord(builder.Build());
            discord._app.UseWebSockets();
            discord._app.Map("/gateway", discord.GatewayAsync);
            discord._app.Map("/api/{**path}", discord.RestAsync);
            await discord._app.StartAsync();
            var root = discord._app.Urls.Single().TrimEnd('/');
            discord.GatewayUrl = root.Replace("http://", "ws://", StringComparison.Ordinal) + "/gateway";
            discord.ApiUrl = root + "/api/v10/";
            return discord;
        }

        public ValueTask SendInteractionAsync(string id) =>
            _frames.Writer.WriteAsync($$"""
                {"op":0,"s":{{Interlocked.Increment(ref _sequence)}},"t":"INTERACTION_CREATE","d":{"id":"{{id}}","application_id":"777","type":2,"token":"t{{id}}","version":1,
                 "guild_id":"900","channel_id":"4200","member":{"user":{"id":"100"},"permissions":"0"},
                 "data":{"id":"1","name":"mood","type":1,"options":[{"name":"text","type":3,"value":"ugh, this week wrecked me"}]} } }
                """);

        // A deferral that never comes fails the run instead of hanging it.
        public Task<long> DeferralOf(string id) => Deferral(id).Task.WaitAsync(TimeSpan.FromSeconds(30));

        public async ValueTask DisposeAsync()
        {
            _frames.Writer.TryComplete();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        private TaskCompletionSource<long> Deferral(string id) =>
            _deferrals.GetOrAdd(id, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

        private async Task RestAsync(HttpContext context)
        {
            var arrived = Stopwatch.GetTimestamp();
            var path = context.Request.Path.Value ?? "";
            if (path.EndsWith("/callback", StringComparison.Ordinal))
            {
                // /api/v10/interactions/{id}/{token}/callback
                Deferral(path.Split('/')[4]).TrySetResult(arrived);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(path.EndsWith("/commands", StringComparison.Ordinal) ? "[]" : """{"id":"1","channel_id":"4200"}""");
        }

        private async Task GatewayAsync(HttpContext context)
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await SendAsync(socket, """{"op":10,"d":{"heartbeat_interval":41250},"s":null,"t":null}""");
            var reading = ReadAsync(socket);
            await SendAsync(socket, """{"op":0,"s":1,"t":"READY","d":{"v":10,"session_id":"b","resume_gateway_url":"ws://127.0.0.1:1/","user":{"id":"999"},"application":{"id":"777"}}}""");
            _ready.TrySetResult();
            await foreach (var frame in _frames.Reader.ReadAllAsync())
            {
                await SendAsync(socket, frame);
            }

            await reading;
        }

        // Identify, and heartbeats answered with ACKs.
        private static async Task ReadAsync(WebSocket socket)
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    if (JsonDocument.Parse(buffer.AsMemory(0, result.Count)).RootElement.GetProperty("op").GetInt32() == 1)
                    {
                        await SendAsync(socket, """{"op":11,"d":null,"s":null,"t":null}""");
                    }
                }
            }
            catch (WebSocketException)
            {
                // The host stopped.
            }
        }

        private static readonly SemaphoreSlim SendLock = new(1, 1);

        private static async Task SendAsync(WebSocket socket, string json)
        {
            await SendLock.WaitAsync();
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
            }
            finally
            {
                SendLock.Release();
            }
        }
    }
}
