using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MoodBot.Tests.Discord.Gateway;

/// <summary>
/// A loopback Kestrel server that accepts gateway WebSockets on <c>/gateway</c> and
/// <c>/resume</c> and hands each connection to the test, which scripts it frame by frame.
/// </summary>
public sealed class FakeGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<FakeGatewayConnection> _connections = Channel.CreateUnbounded<FakeGatewayConnection>();
    private int _connectionCount;

    private FakeGateway(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public Uri ResumeUrl { get; private set; } = null!;

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public static async Task<FakeGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var fake = new FakeGateway(builder.Build());
        fake._app.UseWebSockets();
        fake._app.Map("/gateway", fake.AcceptAsync);
        fake._app.Map("/resume", fake.AcceptAsync);
        await fake._app.StartAsync();
        var root = fake._app.Urls.Single().Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/');
        fake.Url = new Uri(root + "/gateway");
        fake.ResumeUrl = new Uri(root + "/resume");
        return fake;
    }

    public async Task<FakeGatewayConnection> NextConnectionAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        return await _connections.Reader.ReadAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var connection = new FakeGatewayConnection(socket, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "");
        Interlocked.Increment(ref _connectionCount);
        await _connections.Writer.WriteAsync(connection);
        await connection.Completion;
    }
}
