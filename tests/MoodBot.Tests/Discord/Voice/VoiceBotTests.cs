using System.Text.Json;
using MoodBot.Audio;
using MoodBot.Audio.Catalogue;
using MoodBot.Audio.Codecs.Wav;
using MoodBot.Discord.Commands;
using MoodBot.Discord.Interactions;
using MoodBot.Discord.Voice;
using MoodBot.Tests.Discord.Gateway;
using MoodBot.Tests.Discord.Interactions;
using MoodBot.Tests.Discord.Rest;
using MoodBot.Tests.Web;
using MoodBot.Voice.Tests.Gateway;

namespace MoodBot.Tests.Discord.Voice;

/// <summary>
/// Voice end to end: the whole bot on a fake gateway that answers op 4 with the two voice events,
/// pointing at a loopback voice server (WebSocket and UDP), with or without DAVE and a second member,
/// whose packets the test opens (as that member would) and decodes.
/// </summary>
[Collection(GatewayTimingGroup.Name)]
public sealed class VoiceBotTests : IAsyncLifetime, IDisposable
{
    private const string BotUserId = "999";
    private const string VoiceChannel = "5000";
    private const string VoiceToken = "voice-token-never-logged";
    private const string PlayButton = "play:calm:0.35:-0.6:0.5:72";
    private static readonly string[] Titles = ["Slow Tide", "Paper Lanterns"];

    private FakeDiscordApi _api = null!;
    private FakeGateway _gateway = null!;
    private FakeVoiceServer _voice = null!;
    private RunningBot _bot = null!;
    private readonly TempDirectory _music = new();

    public async Task InitializeAsync()
    {
        _api = await FakeDiscordApi.StartAsync(TimeProvider.System);
        _gateway = await FakeGateway.StartAsync();
        _voice = await FakeVoiceServer.StartAsync();
        _bot = await RunningBot.StartAsync(
            "--Discord:Token=bot-token", "--Discord:GatewayUrl=" + _gateway.Url, "--Discord:ApiUrl=" + _api.BaseUri,
            "--Discord:Voice:GatewayScheme=ws", "--Discord:Voice:LeaveWhenEmptyAfter=00:00:00.200",
            // The players' decisions (staying in an empty channel) are what some tests wait for.
            "--Logging:LogLevel:MoodBot.Discord.Voice.VoicePlayers=Information");

        // Two calm tracks of 20 s tone each, and nothing else, so the reading plays exactly these.
        var entries = Titles.Select((title, i) =>
        {
            var path = Path.Combine(_music.Path, $"track{i}.wav");
            using (var file = File.Create(path))
            {
                WavWriter.Write(file, Tone(220 * (i + 1), seconds: 20));
            }

            Assert.True(TrackUri.TryParse(path, "/", out var uri, out var error), error);
            return new CatalogueEntry("calm", new CatalogueTrack(title, "Test Artist", "CC0-1.0", 20, path), uri);
        }).ToList();
        var catalogue = _bot.Get<TrackCatalogue>();
        catalogue.RemoveWhere(_ => true);
        catalogue.SetSource("test", entries);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _voice.DisposeAsync();
        await _gateway.DisposeAsync();
        await _api.DisposeAsync();
    }

    public void Dispose() => _music.Dispose();

    /// <summary>DAVE version 1 is what Discord's voice servers require; version 0 is a call without it.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PlayInVoice_JoinsAndStreamsOpusInOrder_SkipMovesOn_StopSendsSilenceAndLeaves(bool dave)
    {
        var gateway = await ConnectAsync();
        await gateway.VoiceStateAsync(2, TestInteractions.GuildId, TestInteractions.UserId, VoiceChannel);
        await gateway.DispatchAsync("INTERACTION_CREATE", 3, TestInteractions.Button("7101", PlayButton));

        using var call = await JoinAsync(gateway, 4, dave);
        if (dave)
        {
            // The bot's join waits for the DAVE group: it sends nothing until it can encrypt end to end.
            await call.FormDaveGroupAsync();
        }

        Assert.Equal(TestInteractions.GuildId, call.Identify.GetProperty("server_id").GetString());
        Assert.Equal(BotUserId, call.Identify.GetProperty("user_id").GetString());
        Assert.Equal("voice-session-1", call.Identify.GetProperty("session_id").GetString());
        Assert.Equal(VoiceToken, call.Identify.GetProperty("token").GetString());
        Assert.Equal(1, call.Identify.GetProperty("max_dave_protocol_version").GetInt32());

        // Audio: every packet opens (with DAVE: transport, then Alice's decryptor for the bot), decodes
        // to one 20 ms stereo frame, and follows the last one.
        var last = await call.NextAsync();
        Assert.Equal(960, last.Samples);
        Assert.Equal(FakeVoiceCall.Ssrc, last.Header.Ssrc);
        last = await ExpectFramesInOrderAsync(call, last, 50);

        var announced = await WaitForMessageAsync("POST", $"/channels/{TestInteractions.ChannelId}/messages");
        var first = Assert.Single(Titles, t => announced.Contains(t, StringComparison.Ordinal));
        var second = Titles.Single(t => t != first);
        Assert.Contains($"<#{VoiceChannel}>", announced, StringComparison.Ordinal);

        var skipped = await ReplyTo("7103", TestInteractions.Command("7103", "skip"), gateway, 11);
        Assert.Contains($"Skipped **{first}**", skipped, StringComparison.Ordinal);
        var edited = await WaitForMessageAsync("PATCH", $"/channels/{TestInteractions.ChannelId}/messages/555");
        Assert.Contains(second, edited, StringComparison.Ordinal);
        last = await ExpectFramesInOrderAsync(call, last, 25);

        await ReplyTo("7104", TestInteractions.Command("7104", "stop"), gateway, 12, deferred: true);
        var silence = 0;
        while (silence < 5)
        {
            var next = await call.NextAsync();
            AssertFollows(last, next.Header);
            Assert.True(silence == 0 || next.Samples == 0, "audio after the silence began");
            silence += next.Samples == 0 ? 1 : 0;
            last = next;
        }

        var leave = await gateway.ExpectAsync(4, TimeSpan.FromSeconds(10));
        Assert.Equal(TestInteractions.GuildId, leave.GetProperty("guild_id").GetString());
        Assert.Equal(JsonValueKind.Null, leave.GetProperty("channel_id").ValueKind);
        Assert.DoesNotContain(_bot.Logs.Entries, e => e.Message.Contains(VoiceToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheLastPersonLeaving_MakesTheBotLeaveAfterTheConfiguredTime()
    {
        var gateway = await ConnectAsync();
        await gateway.VoiceStateAsync(2, TestInteractions.GuildId, TestInteractions.UserId, VoiceChannel);
        await gateway.DispatchAsync("INTERACTION_CREATE", 3, TestInteractions.Button("7201", PlayButton));
        using var call = await JoinAsync(gateway, 4);
        Assert.Equal(960, (await call.NextAsync()).Samples);

        await gateway.VoiceStateAsync(10, TestInteractions.GuildId, TestInteractions.UserId, null);

        var leave = await gateway.ExpectAsync(4, TimeSpan.FromSeconds(10));
        Assert.Equal(JsonValueKind.Null, leave.GetProperty("channel_id").ValueKind);
    }

    /// <summary>
    /// <c>/room stay</c> on the room linked to the channel: on, the bot stays when the last person
    /// leaves (the log line says it decided so; then a full second of audio, five times the configured
    /// wait, arrives with no op 4); off, it leaves after the configured time.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheLastPersonLeaving_StaysWhenTheRoomIs247_AndLeavesWhenNot(bool stay)
    {
        var gateway = await ConnectAsync();
        Assert.StartsWith("Made the room", await ReplyTo("7601", TestInteractions.SubCommand("7601", "room", "link", TestInteractions.Admin), gateway, 2), StringComparison.Ordinal);
        var on = stay ? "true" : "false";
        Assert.Equal(Permissions.ManageChannelsRefusal, await ReplyTo("7602", TestInteractions.SubCommand("7602", "room", "stay", subOptions: $$"""[{"name":"on","type":5,"value":{{on}}}]"""), gateway, 3));
        Assert.Equal(stay ? RoomCommand.StayingOn : RoomCommand.StayingOff,
            await ReplyTo("7603", TestInteractions.SubCommand("7603", "room", "stay", TestInteractions.Admin, $$"""[{"name":"on","type":5,"value":{{on}}}]"""), gateway, 4));
        Assert.EndsWith(stay ? RoomCommand.StayingOn : RoomCommand.StayingOff, await ReplyTo("7604", TestInteractions.SubCommand("7604", "room", "show"), gateway, 5), StringComparison.Ordinal);

        // A mood in the linked channel queues the room's music, which the bot then plays in voice.
        await gateway.DispatchAsync("INTERACTION_CREATE", 6, TestInteractions.Mood("7605", "calm and content"));
        await _api.WaitForAsync(r => r.Any(x => x.Method == "PATCH" && x.Path.Contains("/tok-7605/", StringComparison.Ordinal)));
        await gateway.VoiceStateAsync(7, TestInteractions.GuildId, TestInteractions.UserId, VoiceChannel);
        await gateway.DispatchAsync("INTERACTION_CREATE", 8, TestInteractions.Button("7606", PlayButton));
        using var call = await JoinAsync(gateway, 9);
        Assert.Equal(960, (await call.NextAsync()).Samples);

        await gateway.VoiceStateAsync(10, TestInteractions.GuildId, TestInteractions.UserId, null);

        if (!stay)
        {
            var leave = await gateway.ExpectAsync(4, TimeSpan.FromSeconds(10));
            Assert.Equal(JsonValueKind.Null, leave.GetProperty("channel_id").ValueKind);
            return;
        }

        await RunningBot.WaitUntilAsync(
            () => _bot.Logs.Entries.Any(e => e.Message.Contains("is empty; staying", StringComparison.Ordinal)), "the bot decided to stay");
        for (var frame = 0; frame < 50; frame++)
        {
            Assert.Equal(960, (await call.NextAsync()).Samples);
        }

        Assert.Equal(0, gateway.PendingFrames);
    }

    [Fact]
    public async Task Play_WhenTheCallerIsNotInVoice_SaysSoPrivately_AndJoinsNothing()
    {
        var gateway = await ConnectAsync();
        await gateway.DispatchAsync("INTERACTION_CREATE", 2, TestInteractions.Mood("7301", "calm and content"));
        await _api.WaitForAsync(r => r.Any(x => x.Method == "PATCH" && x.Path.Contains("/tok-7301/", StringComparison.Ordinal)));

        var callback = await CallbackAsync("7302", TestInteractions.Command("7302", "play"), gateway, 3);

        Assert.Equal(64, callback.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal(VoicePlayback.NotInVoice, callback.GetProperty("data").GetProperty("content").GetString());
        Assert.Equal(0, gateway.PendingFrames);
    }

    [Fact]
    public async Task Play_WithoutConnectAndSpeak_SaysWhichPermissionsAreMissing()
    {
        var gateway = await ConnectAsync();
        await gateway.VoiceStateAsync(2, TestInteractions.GuildId, TestInteractions.UserId, VoiceChannel);
        // Send Messages and Embed Links, but neither Connect nor Speak.
        var interaction = TestInteractions.Button("7401", PlayButton).Replace("\"guild_id\"", "\"app_permissions\":\"18432\",\"guild_id\"", StringComparison.Ordinal);

        var callback = await CallbackAsync("7401", interaction, gateway, 3);

        Assert.Equal(VoicePlayback.NoPermission, callback.GetProperty("data").GetProperty("content").GetString());
        Assert.Equal(0, gateway.PendingFrames);
    }

    [Fact]
    public async Task AVoiceServerThatClosesBeforeDaveIsReady_IsLeft_WithAClearAnswer()
    {
        var gateway = await ConnectAsync();
        await gateway.VoiceStateAsync(2, TestInteractions.GuildId, TestInteractions.UserId, VoiceChannel);
        await gateway.DispatchAsync("INTERACTION_CREATE", 3, TestInteractions.Button("7501", PlayButton));
        using var call = await JoinAsync(gateway, 4, dave: true);

        // 4014: disconnected (the channel was deleted, say) while the DAVE group was still forming.
        await call.Connection.CloseAsync(4014);

        var leave = await gateway.ExpectAsync(4, TimeSpan.FromSeconds(10));
        Assert.Equal(JsonValueKind.Null, leave.GetProperty("channel_id").ValueKind);
        var answer = await WaitForMessageAsync("PATCH", "/tok-7501/messages/@original");
        Assert.Equal($"I couldn't play in <#{VoiceChannel}>: The voice server refused the connection; try again in a moment.", answer);
    }

    private async Task<FakeVoiceCall> JoinAsync(FakeGatewayConnection gateway, int sequence, bool dave = false)
    {
        var join = await gateway.ExpectAsync(4, TimeSpan.FromSeconds(15));
        Assert.Equal(TestInteractions.GuildId, join.GetProperty("guild_id").GetString());
        Assert.Equal(VoiceChannel, join.GetProperty("channel_id").GetString());
        Assert.True(join.GetProperty("self_deaf").GetBoolean());
        await gateway.AnswerVoiceJoinAsync(sequence, TestInteractions.GuildId, VoiceChannel, BotUserId, "voice-session-1", VoiceToken, _voice.GatewayUri.Authority);
        return await FakeVoiceCall.AcceptAsync(_voice, dave ? ulong.Parse(VoiceChannel, System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    private static async Task<(MoodBot.Voice.Transport.RtpHeader Header, byte[] Opus, int Samples)> ExpectFramesInOrderAsync(
        FakeVoiceCall call, (MoodBot.Voice.Transport.RtpHeader Header, byte[] Opus, int Samples) last, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var next = await call.NextAsync();
            AssertFollows(last, next.Header);
            Assert.Equal(960, next.Samples);
            last = next;
        }

        return last;
    }

    private static void AssertFollows((MoodBot.Voice.Transport.RtpHeader Header, byte[] Opus, int Samples) last, MoodBot.Voice.Transport.RtpHeader next)
    {
        Assert.Equal(unchecked((ushort)(last.Header.Sequence + 1)), next.Sequence);
        Assert.Equal(unchecked(last.Header.Timestamp + 960), next.Timestamp);
    }

    private async Task<JsonElement> CallbackAsync(string id, string interaction, FakeGatewayConnection gateway, int sequence)
    {
        await gateway.DispatchAsync("INTERACTION_CREATE", sequence, interaction);
        await _api.WaitForAsync(r => r.Any(x => x.Path.EndsWith($"/interactions/{id}/tok-{id}/callback", StringComparison.Ordinal)));
        var callback = _api.Requests.Single(r => r.Path.EndsWith($"/interactions/{id}/tok-{id}/callback", StringComparison.Ordinal));
        DiscordOpenApi.AssertValidRequest("POST", callback.Path["/api/v10".Length..], callback.Body);
        return JsonDocument.Parse(callback.Body).RootElement;
    }

    /// <summary>The text the interaction was answered with: the callback's, or the edit that replaced a deferral.</summary>
    private async Task<string> ReplyTo(string id, string interaction, FakeGatewayConnection gateway, int sequence, bool deferred = false)
    {
        var callback = await CallbackAsync(id, interaction, gateway, sequence);
        return deferred
            ? await WaitForMessageAsync("PATCH", $"/tok-{id}/messages/@original")
            : callback.GetProperty("data").GetProperty("content").GetString()!;
    }

    private async Task<string> WaitForMessageAsync(string method, string pathEnd)
    {
        await _api.WaitForAsync(r => r.Any(x => x.Method == method && x.Path.EndsWith(pathEnd, StringComparison.Ordinal)));
        var request = _api.Requests.First(x => x.Method == method && x.Path.EndsWith(pathEnd, StringComparison.Ordinal));
        DiscordOpenApi.AssertValidRequest(method, request.Path["/api/v10".Length..], request.Body);
        return JsonDocument.Parse(request.Body).RootElement.GetProperty("content").GetString()!;
    }

    private async Task<FakeGatewayConnection> ConnectAsync()
    {
        var connection = await _gateway.NextConnectionAsync(TimeSpan.FromSeconds(15));
        await connection.HelloAsync(45_000);
        await connection.ExpectAsync(2);
        await connection.DispatchAsync("READY", 1, $$"""
            {"v":10,"session_id":"s-1","resume_gateway_url":"{{_gateway.ResumeUrl}}",
             "user":{"id":"{{BotUserId}}","username":"MoodBot","bot":true},"application":{"id":"{{TestInteractions.ApplicationId}}","flags":0},"guilds":[]}
            """);
        return connection;
    }

    private static float[] Tone(double hz, int seconds)
    {
        var samples = new float[AudioFormat.SampleRate * seconds * AudioFormat.Channels];
        for (var i = 0; i < samples.Length; i += 2)
        {
            samples[i] = samples[i + 1] = (float)(0.2 * Math.Sin(2 * Math.PI * hz * (i / 2) / AudioFormat.SampleRate));
        }

        return samples;
    }
}
