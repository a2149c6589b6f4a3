using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MoodBot.Chat;
using MoodBot.Discord.Gateway;
using MoodBot.Slack;
using MoodBot.Slack.Payloads;
using MoodBot.Slack.SocketMode;
using MoodBot.Slack.WebApi;
using MoodBot.Tests.Audio.Gcs;

namespace MoodBot.Tests.Slack.SocketMode;

public sealed class SocketModeClientTests : IAsyncLifetime, IDisposable
{
    private readonly CollectingLoggerProvider _logs = new();
    private readonly HttpClient _http = new();
    private readonly RecordingHandler _handler = new();
    private readonly CancellationTokenSource _stop = new();
    private FakeSlack _slack = null!;
    private SocketModeClient _client = null!;
    private Task _running = Task.CompletedTask;

    private SlackOptions Options { get; } = new()
    {
        BotToken = SlackOptions.BotTokenPrefix + "test",
        AppToken = SlackOptions.AppTokenPrefix + "test",
        AckBudget = TimeSpan.FromMilliseconds(400),
        DefaultRetryAfter = TimeSpan.FromMilliseconds(20),
    };

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        Options.ApiUrl = _slack.ApiUrl;
        var factory = _logs.CreateFactory();
        var api = new SlackWebClient(_http, Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System, factory.CreateLogger<SlackWebClient>());
        _client = new SocketModeClient(api, new ClientWebSocketConnector(), _handler, Options, TimeProvider.System,
            factory.CreateLogger<SocketModeClient>(), new ReconnectBackoff(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100), 0, () => 0));
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running.WaitAsync(TimeSpan.FromSeconds(10));
        await _slack.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _stop.Dispose();
        _logs.Dispose();
    }

    private async Task<FakeSlackSocket> StartAsync()
    {
        _running = _client.RunAsync(_stop.Token);
        return await _slack.NextSocketAsync();
    }

    [Fact]
    public async Task Envelope_IsHandedOnAndAckedOnItsSocketWithinTheDeadline()
    {
        var socket = await StartAsync();

        var id = await socket.EnvelopeAsync("events_api", SlackPayloads.Mention("<@U0BOT> long day"));
        var (ack, after) = await socket.AckAsync(id);

        Assert.Equal(id, ack.GetProperty("envelope_id").GetString());
        Assert.False(ack.TryGetProperty("payload", out _));
        Assert.True(after < TimeSpan.FromSeconds(3), $"acked after {after}");
        var envelope = Assert.Single(_handler.Envelopes);
        Assert.Equal("events_api", envelope.Type);
        Assert.Equal(1, socket.AckCount(id));
    }

    [Fact]
    public async Task SlashCommand_AckCarriesTheReplyWhereTheEnvelopeAcceptsOne()
    {
        _handler.Answer = (_, _) => Task.FromResult(new SlackAck(new SlackReply { ResponseType = SlackReply.InChannel, Text = "😌 Calm" }));
        var socket = await StartAsync();

        var withPayload = await socket.EnvelopeAsync("slash_commands", SlackPayloads.Command("deadline panic", _slack.ResponseUrl("r1")), acceptsResponsePayload: true);
        var without = await socket.EnvelopeAsync("slash_commands", SlackPayloads.Command("deadline panic", _slack.ResponseUrl("r2")), acceptsResponsePayload: false);

        var (ack, _) = await socket.AckAsync(withPayload);
        Assert.Equal("in_channel", ack.GetProperty("payload").GetProperty("response_type").GetString());
        Assert.Equal("😌 Calm", ack.GetProperty("payload").GetProperty("text").GetString());
        Assert.False((await socket.AckAsync(without)).Ack.TryGetProperty("payload", out _));
    }

    [Fact]
    public async Task HandlerThrows_TheEnvelopeIsStillAckedAndTheConnectionKept()
    {
        _handler.Answer = (e, _) => e.Type == "interactive" ? throw new InvalidOperationException("boom") : Task.FromResult(SlackAck.Empty);
        var socket = await StartAsync();

        var failing = await socket.EnvelopeAsync("interactive", "{}");
        await socket.AckAsync(failing);
        var next = await socket.EnvelopeAsync("events_api", "{}");
        await socket.AckAsync(next);

        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
        Assert.Equal(1, _client.Connections);
    }

    [Fact]
    public async Task SlowHandler_AckedAtTheBudgetWithoutTheReply_WhichFollowsLate()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var late = new TaskCompletionSource<SlackReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Answer = async (_, _) =>
        {
            await release.Task;
            return new SlackAck(new SlackReply { Text = "slow" }, Late: (reply, _) =>
            {
                late.TrySetResult(reply);
                return Task.CompletedTask;
            });
        };
        var socket = await StartAsync();

        var id = await socket.EnvelopeAsync("slash_commands", SlackPayloads.Command("x", _slack.ResponseUrl("r")), acceptsResponsePayload: true);
        var (ack, after) = await socket.AckAsync(id);

        // The handler is still working: the ack went at the budget, without the reply.
        Assert.False(release.Task.IsCompleted);
        Assert.False(ack.TryGetProperty("payload", out _));
        Assert.True(after >= Options.AckBudget - TimeSpan.FromMilliseconds(50), $"acked after {after}, before the budget");
        release.SetResult();
        Assert.Equal("slow", (await late.Task.WaitAsync(TimeSpan.FromSeconds(5))).Text);
    }

    [Fact]
    public async Task AfterWork_RunsOnceTheAckIsOut()
    {
        var order = new ConcurrentQueue<string>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Answer = (e, _) => Task.FromResult(new SlackAck(After: _ =>
        {
            // The client counts an ack once the socket has taken it.
            order.Enqueue(_client.Acked == 1 ? "after-ack" : "before-ack");
            done.TrySetResult();
            return Task.CompletedTask;
        }));
        var socket = await StartAsync();

        await socket.EnvelopeAsync("events_api", "{}");
        await done.Task.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(["after-ack"], order);
    }

    [Fact]
    public async Task MalformedFramesAndFramesWithoutAnEnvelope_AreIgnoredAndTheConnectionKept()
    {
        var socket = await StartAsync();

        await socket.SendAsync("this is not json {");
        await socket.SendAsync("""{"no_type":true}""");
        await socket.SendAsync("""{"type":"something_new_from_slack"}""");
        var id = await socket.EnvelopeAsync("events_api", "{}");
        await socket.AckAsync(id);

        Assert.Equal(1, _client.Connections);
        Assert.Contains(_logs.Warnings, e => e.Message.Contains("not JSON we can read", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    [InlineData("link_disabled")]
    public async Task Disconnect_OpensANewSocketFromAFreshUrlBeforeClosingTheOldOne(string reason)
    {
        var slow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Answer = async (e, _) =>
        {
            if (e.Type == "interactive")
            {
                await slow.Task;
            }

            return SlackAck.Empty;
        };
        var first = await StartAsync();
        var inFlight = await first.EnvelopeAsync("interactive", "{}");

        await first.DisconnectAsync(reason);
        var second = await _slack.NextSocketAsync();
        Assert.False(first.Closed.IsCompleted, "the old socket was closed before the new one was up");

        // The envelope that arrived before the disconnect is still acked on its own socket.
        slow.SetResult();
        await first.AckAsync(inFlight);
        await first.Closed.WaitAsync(TimeSpan.FromSeconds(5));

        var id = await second.EnvelopeAsync("events_api", "{}");
        await second.AckAsync(id);
        Assert.Equal(2, _slack.Calls("apps.connections.open").Count);
        Assert.Equal(0, _slack.ReusedUrls);
    }

    [Fact]
    public async Task SocketDropped_ReconnectsWithAFreshUrl()
    {
        var first = await StartAsync();
        await first.CloseAsync();

        var second = await _slack.NextSocketAsync();
        var id = await second.EnvelopeAsync("events_api", "{}");
        await second.AckAsync(id);

        Assert.Equal(2, _client.Connections);
        Assert.Equal(2, _slack.Calls("apps.connections.open").Count);
        Assert.Equal(0, _slack.ReusedUrls);
    }

    [Fact]
    public async Task ConnectionsOpenFails_RetriesUntilSlackAnswers()
    {
        var calls = 0;
        _slack.Script = r => r.Method == "apps.connections.open" && Interlocked.Increment(ref calls) <= 2
            ? new FakeSlackReply(200, """{"ok":false,"error":"internal_error"}""")
            : null;

        var socket = await StartAsync();
        var id = await socket.EnvelopeAsync("events_api", "{}");
        await socket.AckAsync(id);

        Assert.Equal(3, _slack.Calls("apps.connections.open").Count);
        Assert.Contains(_logs.Warnings, e => e.Message.Contains("apps.connections.open failed: internal_error", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("token_revoked")]
    public async Task ConnectionsOpenRefusesTheToken_StopsWithOneErrorInsteadOfRetrying(string error)
    {
        _slack.Script = _ => new FakeSlackReply(200, $$"""{"ok":false,"error":"{{error}}"}""");

        await _client.RunAsync(_stop.Token).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Single(_slack.Calls("apps.connections.open"));
        Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoHello_TheSocketIsGivenUpAndANewUrlFetched()
    {
        Options.HelloTimeout = TimeSpan.FromMilliseconds(300);
        _slack.SendHello = false;
        _running = _client.RunAsync(_stop.Token);
        var silent = await _slack.NextSocketAsync();
        _slack.SendHello = true;

        var next = await _slack.NextSocketAsync();
        await silent.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        var id = await next.EnvelopeAsync("events_api", "{}");
        await next.AckAsync(id);
    }

    [Fact]
    public async Task Stop_ClosesTheSocket()
    {
        var socket = await StartAsync();
        await _stop.CancelAsync();
        await _running.WaitAsync(TimeSpan.FromSeconds(5));
        await socket.Closed.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
