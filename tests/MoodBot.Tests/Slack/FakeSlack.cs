using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MoodBot.Tests.Slack;

/// <summary>
/// A loopback Slack: the Web API on <c>/api/{method}</c> (answering as Slack does, <c>ok:true</c>
/// with a channel and ts), <c>response_url</c>s on <c>/hooks/{id}</c>, and Socket Mode WebSockets
/// on single-use URLs that <c>apps.connections.open</c> hands out. Every HTTP request is recorded;
/// <see cref="Script"/> can answer instead (429s, <c>ok:false</c>, 5xx). Each accepted socket
/// says hello and goes to the test, which drives it envelope by envelope.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeSlackRequest> _requests = new();
    private readonly Channel<FakeSlackSocket> _sockets = Channel.CreateUnbounded<FakeSlackSocket>();
    private readonly ConcurrentDictionary<string, bool> _tickets = new(StringComparer.Ordinal);
    private int _ticket;
    private int _ts;

    private FakeSlack(WebApplication app) => _app = app;

    public Uri Root { get; private set; } = null!;

    public Uri ApiUrl => new(Root, "api/");

    public IReadOnlyList<FakeSlackRequest> Requests => [.. _requests];

    /// <summary>Answers a request (those before it are in <see cref="Requests"/>); null for the default answer.</summary>
    public Func<FakeSlackRequest, FakeSlackReply?>? Script { get; set; }

    /// <summary>Whether new sockets say hello by themselves (a test can withhold it).</summary>
    public bool SendHello { get; set; } = true;

    /// <summary>Socket URLs used a second time (Slack's are single-use: this must stay 0).</summary>
    public int ReusedUrls { get; private set; }

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var fake = new FakeSlack(builder.Build());
        fake._app.UseWebSockets();
        fake._app.Map("/socket", fake.AcceptAsync);
        fake._app.MapPost("/api/{method}", (Delegate)fake.AnswerAsync);
        fake._app.MapPost("/hooks/{id}", (Delegate)fake.AnswerAsync);
        await fake._app.StartAsync();
        fake.Root = new Uri(fake._app.Urls.Single().TrimEnd('/') + "/");
        return fake;
    }

    public string ResponseUrl(string id) => new Uri(Root, "hooks/" + id).ToString();

    public IReadOnlyList<FakeSlackRequest> Calls(string method) => [.. Requests.Where(r => r.Method == method)];

    public async Task<FakeSlackSocket> NextSocketAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _sockets.Reader.ReadAsync(cts.Token);
    }

    public async Task WaitForAsync(Func<IReadOnlyList<FakeSlackRequest>, bool> condition, string what)
    {
        for (var i = 0; i < 500 && !condition(Requests); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(Requests), "the fake Slack never saw " + what);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var path = context.Request.Path.Value ?? "";
        var method = path.StartsWith("/hooks/", StringComparison.Ordinal) ? "response_url" : path["/api/".Length..];
        var request = new FakeSlackRequest(
            method,
            path,
            context.Request.Headers.Authorization.FirstOrDefault(),
            context.Request.ContentType,
            await reader.ReadToEndAsync(),
            DateTimeOffset.UtcNow);
        var reply = Script?.Invoke(request) ?? Default(request);
        _requests.Enqueue(request);
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (reply.Body is not null)
        {
            context.Response.ContentType = method == "response_url" ? "text/plain" : "application/json; charset=utf-8";
            await context.Response.WriteAsync(reply.Body);
        }
    }

    private FakeSlackReply Default(FakeSlackRequest request)
    {
        switch (request.Method)
        {
            case "apps.connections.open":
                var ticket = Interlocked.Increment(ref _ticket).ToString(CultureInfo.InvariantCulture);
                _tickets[ticket] = false;
                var ws = Root.ToString().Replace("http://", "ws://", StringComparison.Ordinal);
                return new FakeSlackReply(200, $$"""{"ok":true,"url":"{{ws}}socket?ticket={{ticket}}"}""");
            case "response_url":
                return new FakeSlackReply(200, "ok");
            default:
                var ts = $"1700000000.{Interlocked.Increment(ref _ts):000000}";
                return new FakeSlackReply(200, $$"""{"ok":true,"channel":"C0FAKE","ts":"{{ts}}"}""");
        }
    }

    private async Task AcceptAsync(HttpContext context)
    {
        var ticket = context.Request.Query["ticket"].ToString();
        if (!context.WebSockets.IsWebSocketRequest || !_tickets.TryGetValue(ticket, out var used) || used || !_tickets.TryUpdate(ticket, true, false))
        {
            if (_tickets.ContainsKey(ticket))
            {
                ReusedUrls++;
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var connection = new FakeSlackSocket(socket, int.Parse(ticket, CultureInfo.InvariantCulture));
        if (SendHello)
        {
            await connection.HelloAsync();
        }

        await _sockets.Writer.WriteAsync(connection);
        await connection.Completion;
    }
}
