using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MoodBot.Discord.Interactions;
using MoodBot.Mood;
using MoodBot.Rooms;
using MoodBot.State;
using MoodBot.Tests.Discord.Rest;
using MoodBot.Tests.Web;
using NSec.Cryptography;

namespace MoodBot.Tests.Discord.Interactions;

/// <summary>The HTTP interactions endpoint, on a real host, answering to a fake Discord API on loopback.</summary>
public sealed class InteractionsEndpointTests : IAsyncLifetime
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);
    private FakeDiscordApi _api = null!;
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeDiscordApi.StartAsync(TimeProvider.System);
        _bot = await RunningBot.StartAsync(
            "--Discord:PublicKey=" + Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            "--Discord:ApiUrl=" + _api.BaseUri);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _api.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public async Task Ping_IsAnsweredWithPong()
    {
        using var response = await PostAsync("""{"id":"1","application_id":"777","type":1,"token":"t","version":1}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BadSignature_Gets401_AndTheBodyIsNotLogged()
    {
        using var request = Signed("""{"id":"1","application_id":"777","type":1,"token":"secret-body-marker"}""");
        request.Headers.Remove(InteractionSignature.TimestampHeader);
        request.Headers.Add(InteractionSignature.TimestampHeader, "1700000001");

        using var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(_bot.Logs.Entries, e => e.Message.Contains("bad signature", StringComparison.Ordinal));
        Assert.DoesNotContain(_bot.Logs.Entries, e => e.Message.Contains("secret-body-marker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unsigned_Gets401()
    {
        using var content = new StringContent("""{"type":1}""", Encoding.UTF8, "application/json");

        using var response = await _bot.Client.PostAsync(InteractionsEndpoint.Path, content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignedButNotAnInteraction_Gets400()
    {
        using var response = await PostAsync("""{"type":"ping"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Mood_IsDeferredAtOnce_ThenTheOriginalIsEditedIntoTheReading()
    {
        using var response = await PostAsync(TestInteractions.Mood("11", "so happy today, everything went right! @everyone"));
        var initial = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, JsonDocument.Parse(initial).RootElement.GetProperty("type").GetInt32());
        DiscordOpenApi.AssertValidRequest("POST", "/interactions/11/tok-11/callback", initial);

        var edit = await EditOfAsync("11");
        var embed = edit.GetProperty("embeds")[0];
        var mood = SharedModel.Catalog.All.Single(m => embed.GetProperty("title").GetString()!.EndsWith(m.Label, StringComparison.Ordinal));
        Assert.Equal(int.Parse(mood.Color.TrimStart('#'), NumberStyles.HexNumber, CultureInfo.InvariantCulture), embed.GetProperty("color").GetInt32());
        var music = embed.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Music").GetProperty("value").GetString()!;
        Assert.Matches(@"\(http://127\.0\.0\.1:\d+/audio/[^)]+\)", music);
        Assert.Contains("@\u200Beveryone", embed.GetProperty("footer").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(edit.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());

        var buttons = edit.GetProperty("components").EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray()).ToList();
        Assert.Equal(["▶ Play in voice", "🔀 Another", "🌙 Calmer", "☀️ More upbeat", "👍 Fits", "👎 Doesn't fit"], buttons.Select(b => b.GetProperty("label").GetString()));
        Assert.All(buttons, b => Assert.InRange(b.GetProperty("custom_id").GetString()!.Length, 1, 100));
    }

    [Fact]
    public async Task Calmer_OnAReply_AfterARestart_EditsThatMessageIntoACalmerReading()
    {
        var happy = SharedModel.Interpreter.Interpret("so happy today, everything went right!");
        var customId = ButtonId.For(ButtonId.Calmer, MoodBot.Mood.Reading.ReadingSeed.Of(happy)!);

        // This host never saw the reading: the button carries it.
        using var response = await PostAsync(TestInteractions.Button("21", customId));

        Assert.Equal(6, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetInt32());
        var edit = await EditOfAsync("21");
        var steered = new MoodBot.Mood.Reading.ReadingComposer(SharedModel.Catalog).Steer(happy, MoodBot.Mood.Reading.FollowUp.Calmer);
        var title = edit.GetProperty("embeds")[0].GetProperty("title").GetString()!;
        Assert.EndsWith(SharedModel.Catalog[steered.Mood!].Label, title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThumbsUp_IsCounted_AndAnsweredOnlyToTheVoter()
    {
        using var response = await PostAsync(TestInteractions.Button("31", ButtonId.Vote(liked: true, "calm", "synth://calm?seed=2")!));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(4, body.GetProperty("type").GetInt32());
        Assert.Equal(64, body.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal(1, _bot.Get<ListeningMemory>().Votes("calm")["synth://calm?seed=2"].Up);
    }

    [Fact]
    public async Task RoomLink_WithoutPermission_IsRefusedPrivately_WithItLinksAndMoodsQueueThere()
    {
        using var refused = await PostAsync(TestInteractions.SubCommand("41", "room", "link"));
        var refusal = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(64, refusal.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Null(_bot.Get<RoomLinkStore>().RoomOf(RoomLinkKind.DiscordText, TestInteractions.ChannelId));

        using var linked = await PostAsync(TestInteractions.SubCommand("42", "room", "link", TestInteractions.Admin));
        var slug = _bot.Get<RoomLinkStore>().RoomOf(RoomLinkKind.DiscordText, TestInteractions.ChannelId);
        Assert.NotNull(slug);
        Assert.Contains($"/rooms/{slug}", await linked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var mood = await PostAsync(TestInteractions.Mood("43", "so tired, I can barely keep my eyes open"));
        await EditOfAsync("43");
        var room = await _bot.Get<RoomService>().GetAsync(slug!, CancellationToken.None);
        Assert.Equal("tired", room!.Mood);
        Assert.NotNull(room.NowPlaying);
    }

    [Fact]
    public async Task Play_InAnUnlinkedChannel_SaysHowToLinkOne()
    {
        using var response = await PostAsync(TestInteractions.Command("51", "play"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Contains("/room link", body.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameInteractionDeliveredTwice_IsAnsweredOnce()
    {
        var payload = TestInteractions.Mood("61", "rough day");
        using var first = await PostAsync(payload);
        using var second = await PostAsync(payload);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        await EditOfAsync("61");
        await Task.Delay(200);
        Assert.Equal(1, _api.Count("/tok-61/"));
    }

    private async Task<JsonElement> EditOfAsync(string id)
    {
        var path = $"/api/v10/webhooks/{TestInteractions.ApplicationId}/{TestInteractions.Token(id)}/messages/@original";
        await _api.WaitForAsync(requests => requests.Any(r => r.Method == "PATCH" && r.Path == path));
        var edit = _api.Requests.Single(r => r.Method == "PATCH" && r.Path == path);
        DiscordOpenApi.AssertValidRequest(edit.Method, edit.Path["/api/v10".Length..], edit.Body);
        return JsonDocument.Parse(edit.Body).RootElement;
    }

    private Task<HttpResponseMessage> PostAsync(string json) => _bot.Client.SendAsync(Signed(json));

    private HttpRequestMessage Signed(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        const string timestamp = "1700000000";
        var request = new HttpRequestMessage(HttpMethod.Post, InteractionsEndpoint.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(InteractionSignature.TimestampHeader, timestamp);
        request.Headers.Add(InteractionSignature.SignatureHeader, InteractionSignatureTests.Sign(_key, timestamp, body));
        return request;
    }
}
