using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MoodBot.Tests.Discord.Rest;

/// <summary>
/// A loopback Kestrel server answering Discord's REST routes the bot uses as Discord does
/// (200 with a message or the registered commands, 204 for an interaction callback), recording
/// every request. <see cref="Script"/> can answer instead: rate-limit headers, 429s, 5xx, errors.
/// </summary>
public sealed class FakeDiscordApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<FakeDiscordRequest> _requests = new();

    private FakeDiscordApi(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
        _app.Run(AnswerAsync);
    }

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<FakeDiscordRequest> Requests => [.. _requests];

    /// <summary>Answers a request (the requests before it are in <see cref="Requests"/>); null for the default answer.</summary>
    public Func<FakeDiscordRequest, FakeDiscordReply?>? Script { get; set; }

    public static async Task<FakeDiscordApi> StartAsync(TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var fake = new FakeDiscordApi(builder.Build(), time);
        await fake._app.StartAsync();
        fake.BaseUri = new Uri(fake._app.Urls.Single().TrimEnd('/') + "/api/v10/");
        return fake;
    }

    public int Count(string pathPart) => Requests.Count(r => r.Path.Contains(pathPart, StringComparison.Ordinal));

    public async Task WaitForAsync(Func<IReadOnlyList<FakeDiscordRequest>, bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(Requests); i++)
        {
            await Task.Delay(5);
        }

        Assert.True(condition(Requests), "the fake Discord API never saw the expected requests");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var request = new FakeDiscordRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            context.Request.Headers.Authorization.FirstOrDefault(),
            context.Request.Headers.UserAgent.FirstOrDefault(),
            await reader.ReadToEndAsync(),
            _time.GetUtcNow());
        var reply = Script?.Invoke(request) ?? Default(request);
        _requests.Enqueue(request);
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (reply.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body);
        }
    }

    private static FakeDiscordReply Default(FakeDiscordRequest request) => request.Path switch
    {
        var p when p.EndsWith("/callback", StringComparison.Ordinal) => new FakeDiscordReply(204),
        var p when p.EndsWith("/gateway/bot", StringComparison.Ordinal) => FakeDiscordReply.GatewayBot("wss://gateway.discord.gg"),
        var p when p.EndsWith("/commands", StringComparison.Ordinal) =>
            new FakeDiscordReply(200, """[{"id":"1","name":"mood"},{"id":"2","name":"play"}]"""),
        _ => new FakeDiscordReply(200, """{"id":"555","channel_id":"42","content":"ok"}"""),
    };
}
