using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MoodBot.Chat;
using MoodBot.Discord;
using MoodBot.Discord.Gateway;
using MoodBot.Tests.Audio.Gcs;

namespace MoodBot.Tests.Discord.Gateway;

public sealed class GatewayHostedServiceTests
{
    private const string Token = "hosted-test-token-secret";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Execute_NoToken_LogsOneLineAndStopsWithoutError()
    {
        using var logs = new CollectingLoggerProvider();
        using var factory = logs.CreateFactory();
        using var service = Create(new DiscordOptions(), new RecordingHandler(), factory);

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(Timeout);

        Assert.Single(logs.Entries, e => e.Message.Contains("disabled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_Dispatches_ReachHandlers_AndTokenIsNeverLogged()
    {
        await using var gateway = await FakeGateway.StartAsync();
        using var logs = new CollectingLoggerProvider();
        using var factory = logs.CreateFactory();
        var handler = new RecordingHandler();
        using var service = Create(new DiscordOptions { Token = Token, GatewayUrl = gateway.Url }, handler, factory);
        await service.StartAsync(CancellationToken.None);

        var connection = await gateway.NextConnectionAsync();
        await connection.HelloAsync(45_000);
        await connection.ExpectAsync(2);
        await connection.ReadyAsync("s-1", 1, gateway.ResumeUrl);
        await connection.DispatchAsync("SOMETHING_NEW", 2);
        await connection.DispatchAsync("GUILD_CREATE", 3);

        using var cts = new CancellationTokenSource(Timeout);
        Assert.Equal(3, (await handler.Events.Reader.ReadAsync(cts.Token)).Sequence);
        Assert.Equal(2, service.UnhandledEvents); // READY and SOMETHING_NEW

        await service.StopAsync(CancellationToken.None);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_FatalCloseCode_StopsServiceButNotTheHost()
    {
        await using var gateway = await FakeGateway.StartAsync();
        using var logs = new CollectingLoggerProvider();
        using var factory = logs.CreateFactory();
        using var service = Create(new DiscordOptions { Token = Token, GatewayUrl = gateway.Url }, new RecordingHandler(), factory);
        await service.StartAsync(CancellationToken.None);

        var connection = await gateway.NextConnectionAsync();
        await connection.HelloAsync(45_000);
        await connection.ExpectAsync(2);
        await connection.CloseAsync(4014);

        await service.ExecuteTask!.WaitAsync(Timeout);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains("4014", StringComparison.Ordinal));
        Assert.Equal(1, gateway.ConnectionCount);
    }

    private static GatewayHostedService Create(DiscordOptions options, RecordingHandler handler, ILoggerFactory factory) =>
        new(Options.Create(options), new ClientWebSocketConnector(), [handler],
            new IdentifyGate(TimeProvider.System, factory.CreateLogger<IdentifyGate>()), TimeProvider.System, factory);

    private sealed class RecordingHandler : IGatewayEventHandler
    {
        public string EventName => "GUILD_CREATE";

        public Channel<GatewayEvent> Events { get; } = Channel.CreateUnbounded<GatewayEvent>();

        public ValueTask HandleAsync(GatewayEvent gatewayEvent, CancellationToken cancellationToken) =>
            Events.Writer.WriteAsync(gatewayEvent, cancellationToken);
    }
}
