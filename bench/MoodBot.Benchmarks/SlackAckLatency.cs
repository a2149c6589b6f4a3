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
using MoodBot.Slack;
using MoodBot.Web;

namespace MoodBot.Benchmarks;

/// <summary>
/// `slack-ack`: the real host in Socket Mode against a loopback Slack (Kestrel on 127.0.0.1:0);
/// the time from sending an envelope to receiving its ack, one envelope in flight at a time. A
/// slash command's ack carries the reading (model, track pick, Block Kit); a mention is acked
/// first and answered with <c>chat.postMessage</c> after.
/// </summary>
internal static class SlackAckLatency
{
    private const int Warmup = 200;

    public static async Task RunAsync(TextWriter output, string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        await using var slack = builder.Build();
        var sockets = Channel.CreateUnbounded<WebSocket>();
        var done = new TaskCompletionSource();
        slack.UseWebSockets();
        slack.MapPost("/api/{method}", (string method, HttpContext context) => method == "apps.connections.open"
            ? Results.Text($$"""{"ok":true,"url":"ws://{{context.Request.Host}}/socket"}""", "application/json")
            : Results.Text("""{"ok":true,"channel":"C0BENCH","ts":"1700000000.000100"}""", "application/json"));
        slack.Map("/socket", async context =>
        {
            var socket = await context.WebSockets.AcceptWebSocketAsync();
            await sockets.Writer.WriteAsync(socket);
            await done.Task;
        });
        await slack.StartAsync();
        var root = slack.Urls.Single().TrimEnd('/');

        var state = Path.Combine(Path.GetTempPath(), "moodbot-slack-ack-" + Guid.NewGuid().ToString("N"));
        string[] hostArgs =
        [
            "--Web:Urls=http://127.0.0.1:0", $"--State:Path={state}", "--Logging:LogLevel:Default=Warning", "--Audio:PrerenderCatalogue=false",
            $"--Slack:BotToken={SlackOptions.BotTokenPrefix}bench", $"--Slack:AppToken={SlackOptions.AppTokenPrefix}bench", $"--Slack:ApiUrl={root}/api/",
            "--Audio:PublicBaseUrl=https://moodbot.example",

            // 2,000 mentions in one channel would otherwise queue their replies a second apart.
            "--Slack:ChannelPostInterval=00:00:00",
        ];
        await using var app = MoodBotWebApp.Create(hostArgs, BenchModel.Root);
        await app.StartAsync();
        var ws = await sockets.Reader.ReadAsync();
        await SendAsync(ws, """{"type":"hello","num_connections":1}""");

        var texts = File.ReadLines(Path.Combine(BenchModel.Root, "data", "mood_samples.csv")).Skip(1)
            .Select(l => l.Split(',')[0].Trim('"')).Where(t => t.Length > 0).Take(500).ToArray();
        foreach (var type in new[] { "slash_commands", "events_api" })
        {
            var times = new List<double>();
            for (var i = 0; i < Warmup + count; i++)
            {
                var text = JsonSerializer.Serialize(texts[i % texts.Length]);
                var payload = type == "slash_commands"
                    ? $$"""{"command":"/mood","text":{{text}},"channel_id":"C0BENCH","channel_name":"bench","user_id":"U0BENCH","response_url":"{{root}}/hooks/1"}"""
                    : $$"""{"type":"event_callback","event_id":"Ev{{type}}{{i}}","event":{"type":"app_mention","user":"U0BENCH","text":{{text}},"channel":"C0BENCH","ts":"1.{{i}}","event_ts":"1.{{i}}"} }""";
                var id = $"{type}-{i}";
                var start = Stopwatch.GetTimestamp();
                await SendAsync(ws, $$"""{"envelope_id":"{{id}}","type":"{{type}}","payload":{{payload}},"accepts_response_payload":{{(type == "slash_commands" ? "true" : "false")}}}""");
                var ack = await ReceiveAsync(ws);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (!ack.Contains(id, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("an ack for another envelope: " + ack);
                }

                if (i >= Warmup)
                {
                    times.Add(elapsed);
                }
            }

            times.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{type,-15} {count} envelopes, one in flight: ack p50 {P(times, 0.5):0.000} ms, p99 {P(times, 0.99):0.000} ms, max {times[^1]:0.000} ms"));
        }

        done.SetResult();
        await app.StopAsync();
        await slack.StopAsync();
        Directory.Delete(state, recursive: true);
    }

    private static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];

    private static Task SendAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<string> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[256 * 1024];
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
            length += result.Count;
        }
        while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
