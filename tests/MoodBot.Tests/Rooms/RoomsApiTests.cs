using System.Net;
using System.Text.Json;
using MoodBot.Tests.Web;
using static MoodBot.Tests.Rooms.RoomsClient;

namespace MoodBot.Tests.Rooms;

public sealed class RoomsApiTests
{
    [Fact]
    public async Task Create_ThenGet_ShowsAnEmptyRoom()
    {
        await using var bot = await RunningBot.StartAsync();

        var created = await CreateAsync(bot, "Living Room");
        var state = await StateAsync(bot, "living-room");

        Assert.Equal("living-room", created.GetProperty("slug").GetString());
        Assert.Equal("/rooms/living-room", created.GetProperty("join_url").GetString());
        Assert.Equal(43, created.GetProperty("admin_token").GetString()!.Length);
        Assert.Equal("Living Room", state.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, state.GetProperty("now_playing").ValueKind);
        Assert.Empty(state.GetProperty("queue").EnumerateArray());
        Assert.Equal(0, state.GetProperty("listeners").GetInt32());
    }

    [Theory]
    [InlineData("GET", "/api/rooms/nowhere", null)]
    [InlineData("GET", "/api/rooms/nowhere/events", null)]
    [InlineData("GET", "/api/rooms/..%2Fetc", null)]
    [InlineData("POST", "/api/rooms/nowhere/mood", """{"text": "happy"}""")]
    [InlineData("POST", "/api/rooms/nowhere/skip", """{"track_id": 1}""")]
    [InlineData("DELETE", "/api/rooms/nowhere", null)]
    public async Task UnknownRoom_Is404WithAMessage(string method, string path, string? body)
    {
        await using var bot = await RunningBot.StartAsync();

        using var response = await SendAsync(bot, new HttpMethod(method), path, body);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no room", await ErrorOf(response));
    }

    [Fact]
    public async Task PrivateRoom_IsHiddenWithoutItsToken()
    {
        await using var bot = await RunningBot.StartAsync();
        var created = await CreateAsync(bot, "Secret Garden", isPrivate: true);
        var slug = created.GetProperty("slug").GetString()!;
        var joinUrl = created.GetProperty("join_url").GetString()!;
        var query = joinUrl[joinUrl.IndexOf('?', StringComparison.Ordinal)..];

        using var bare = await bot.Client.GetAsync($"/api/rooms/{slug}");
        using var wrong = await bot.Client.GetAsync($"/api/rooms/{slug}?token=not-the-token");
        using var events = await bot.Client.GetAsync($"/api/rooms/{slug}/events");
        using var mood = await SendAsync(bot, HttpMethod.Post, $"/api/rooms/{slug}/mood", """{"text": "happy"}""");
        var joined = await StateAsync(bot, slug, query);
        using var admin = await SendAsync(bot, HttpMethod.Get, $"/api/rooms/{slug}", adminToken: created.GetProperty("admin_token").GetString());

        Assert.StartsWith($"/rooms/{slug}?token=", joinUrl);
        Assert.Equal(
            [HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK],
            [bare.StatusCode, wrong.StatusCode, events.StatusCode, mood.StatusCode, admin.StatusCode]);
        Assert.True(joined.GetProperty("private").GetBoolean());
        Assert.Equal(await ErrorOf(bare), (await ErrorOf(await bot.Client.GetAsync("/api/rooms/never-made"))).Replace("never-made", slug, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostMood_ReturnsTheReadingAndQueuesItsTracks()
    {
        await using var bot = await RunningBot.StartAsync();
        await CreateAsync(bot, "Kitchen");

        var reading = await PostMoodAsync(bot, "kitchen", "so happy today, everything is going great!");
        var state = await StateAsync(bot, "kitchen");

        SchemaValidation.AssertValid(reading.GetRawText());
        var tracks = reading.GetProperty("tracks").EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToList();
        var queued = state.GetProperty("queue").EnumerateArray().Select(t => t.GetProperty("track").GetString());
        var playing = state.GetProperty("now_playing");
        Assert.Equal(3, tracks.Count);
        Assert.Equal(tracks, [playing.GetProperty("track").GetString(), .. queued]);
        Assert.Equal(reading.GetProperty("mood").GetString(), state.GetProperty("mood").GetString());
        Assert.InRange(playing.GetProperty("position_s").GetDouble(), 0, 5);
        using var audio = await bot.Client.GetAsync(new Uri(playing.GetProperty("url").GetString()!).PathAndQuery, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
    }

    [Fact]
    public async Task Skip_TwentyBrowsersRacing_SkipOneTrack()
    {
        await using var bot = await RunningBot.StartAsync();
        await CreateAsync(bot, "Race");
        await PostMoodAsync(bot, "race", "feeling calm and peaceful");
        var before = await StateAsync(bot, "race");
        var playing = before.GetProperty("now_playing").GetProperty("id").GetInt64();
        var next = before.GetProperty("queue")[0].GetProperty("id").GetInt64();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => SkipAsync(bot, "race", playing, $"browser-{i}")));
        var after = await StateAsync(bot, "race");

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(next, after.GetProperty("now_playing").GetProperty("id").GetInt64());
        Assert.Single(after.GetProperty("queue").EnumerateArray());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Admin_RenameLockAndDelete_NeedTheAdminToken()
    {
        await using var bot = await RunningBot.StartAsync();
        var created = await CreateAsync(bot, "Stage");
        var token = created.GetProperty("admin_token").GetString()!;

        using var noToken = await SendAsync(bot, HttpMethod.Patch, "/api/rooms/stage", """{"name": "Mine now"}""");
        using var wrongToken = await SendAsync(bot, HttpMethod.Patch, "/api/rooms/stage", """{"name": "Mine now"}""", adminToken: "guess");
        using var renamed = await SendAsync(bot, HttpMethod.Patch, "/api/rooms/stage", """{"name": "Main Stage", "locked": true}""", adminToken: token);
        using var guestMood = await SendAsync(bot, HttpMethod.Post, "/api/rooms/stage/mood", """{"text": "happy"}""");
        using var adminMood = await SendAsync(bot, HttpMethod.Post, "/api/rooms/stage/mood", """{"text": "happy"}""", adminToken: token);
        using var guestClear = await SendAsync(bot, HttpMethod.Post, "/api/rooms/stage/clear");
        using var deleteNoToken = await SendAsync(bot, HttpMethod.Delete, "/api/rooms/stage");
        using var deleteWrong = await SendAsync(bot, HttpMethod.Delete, "/api/rooms/stage", adminToken: "guess");
        using var deleted = await SendAsync(bot, HttpMethod.Delete, "/api/rooms/stage", adminToken: token);
        using var gone = await bot.Client.GetAsync("/api/rooms/stage");

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal("Bearer", noToken.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var state = await JsonOf(renamed);
        Assert.Equal(("stage", "Main Stage", true), (state.GetProperty("slug").GetString(), state.GetProperty("name").GetString(), state.GetProperty("locked").GetBoolean()));
        Assert.Equal(HttpStatusCode.Locked, guestMood.StatusCode);
        Assert.Contains("locked", await ErrorOf(guestMood));
        Assert.Equal(HttpStatusCode.OK, adminMood.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, guestClear.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NoContent), (deleteNoToken.StatusCode, deleteWrong.StatusCode, deleted.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Clear_AsAdmin_EmptiesTheQueue()
    {
        await using var bot = await RunningBot.StartAsync();
        var token = (await CreateAsync(bot, "Loud")).GetProperty("admin_token").GetString();
        await PostMoodAsync(bot, "loud", "so happy!");

        using var cleared = await SendAsync(bot, HttpMethod.Post, "/api/rooms/loud/clear", adminToken: token);

        var state = await JsonOf(cleared);
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(JsonValueKind.Null, state.GetProperty("now_playing").ValueKind);
        Assert.Equal(JsonValueKind.Null, state.GetProperty("mood").ValueKind);
    }

    [Theory]
    [InlineData("/api/rooms", """{"name": "  "}""", "name")]
    [InlineData("/api/rooms", """{"name": "x", "private": "yes"}""", "not the JSON")]
    [InlineData("/api/rooms/kitchen/skip", """{"session": "s"}""", "track_id")]
    [InlineData("/api/rooms/kitchen/skip", """{"track_id": 1, "session": "../x"}""", "session")]
    [InlineData("/api/rooms/kitchen/mood", """{"text": ""}""", "text")]
    public async Task BadBodies_Get400WithAMessage(string path, string body, string expected)
    {
        await using var bot = await RunningBot.StartAsync();
        await CreateAsync(bot, "Kitchen");

        using var response = await SendAsync(bot, HttpMethod.Post, path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await ErrorOf(response));
    }

    [Fact]
    public async Task State_SurvivesARestartOfTheHost()
    {
        using var state = new TempDirectory();
        JsonElement before;
        await using (var bot = await RunningBot.StartAsync($"--State:Path={state.Path}"))
        {
            await CreateAsync(bot, "Lasting");
            await PostMoodAsync(bot, "lasting", "feeling calm and peaceful");
            before = await StateAsync(bot, "lasting");
        }

        await using var restarted = await RunningBot.StartAsync($"--State:Path={state.Path}");
        var after = await StateAsync(restarted, "lasting");

        Assert.Equal(Ids(before), Ids(after));
        Assert.Equal(before.GetProperty("mood").GetString(), after.GetProperty("mood").GetString());
        Assert.Equal(before.GetProperty("now_playing").GetProperty("started_at").GetString(), after.GetProperty("now_playing").GetProperty("started_at").GetString());
    }

    [Fact]
    public async Task OpenApi_DocumentsTheRooms()
    {
        await using var bot = await RunningBot.StartAsync();

        using var document = JsonDocument.Parse(await bot.Client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/rooms", out _));
        Assert.True(paths.TryGetProperty("/api/rooms/{slug}/skip", out _));
        Assert.True(paths.GetProperty("/api/rooms/{slug}").TryGetProperty("patch", out var patch));
        Assert.True(patch.GetProperty("responses").TryGetProperty("401", out _));
    }

    private static long[] Ids(JsonElement state) =>
        [state.GetProperty("now_playing").GetProperty("id").GetInt64(), .. state.GetProperty("queue").EnumerateArray().Select(t => t.GetProperty("id").GetInt64())];
}
