using System.Net;
using System.Text;
using System.Text.Json;
using MoodBot.State;

namespace MoodBot.Tests.Web.Api;

public sealed class MoodApiTests
{
    [Fact]
    public async Task PostMood_ReturnsTheSoundscapeJsonWithPlayableTracks()
    {
        await using var bot = await RunningBot.StartAsync();

        using var response = await Post(bot, "/api/mood", """{"text": "ugh, this week has completely drained me", "session": "s1"}""");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        SchemaValidation.AssertValid(json);
        using var reading = JsonDocument.Parse(json);
        Assert.Equal("tired", reading.RootElement.GetProperty("mood").GetString());
        var tracks = reading.RootElement.GetProperty("tracks").EnumerateArray().ToList();
        Assert.Equal(3, tracks.Count);
        Assert.All(tracks, t => Assert.False(string.IsNullOrEmpty(t.GetProperty("id").GetString())));
        using var audio = await bot.Client.GetAsync(new Uri(tracks[0].GetProperty("url").GetString()!).PathAndQuery, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.StartsWith("audio/", audio.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostMood_WithoutAPublicBaseUrl_LinksPointWhereTheRequestCameFrom()
    {
        await using var bot = await RunningBot.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/mood")
        {
            Content = new StringContent("""{"text": "so happy today"}""", Encoding.UTF8, "application/json"),
            Headers = { Host = "192.168.1.20:5080" },
        };

        using var response = await bot.Client.SendAsync(request);
        using var reading = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.All(reading.RootElement.GetProperty("tracks").EnumerateArray(), t =>
            Assert.StartsWith("http://192.168.1.20:5080/audio/", t.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task PostMood_FollowUps_SteerTheSessionsLastReading()
    {
        await using var bot = await RunningBot.StartAsync();
        var first = await Read(bot, "so tired, i can barely keep my eyes open", "s2");

        var upbeat = await Read(bot, "more upbeat please", "s2");
        var other = await Read(bot, "something else", "s2");
        var elsewhere = await Read(bot, "more upbeat", "s3");

        Assert.True(upbeat.GetProperty("valence").GetDouble() > first.GetProperty("valence").GetDouble());
        Assert.True(upbeat.GetProperty("arousal").GetDouble() > first.GetProperty("arousal").GetDouble());
        Assert.Equal(upbeat.GetProperty("mood").GetString(), other.GetProperty("mood").GetString());
        Assert.Empty(Ids(upbeat).Intersect(Ids(other)));

        // A session with no reading yet reads the words as they are.
        Assert.Equal(JsonValueKind.String, elsewhere.GetProperty("mood").ValueKind);
    }

    [Fact]
    public async Task PostMood_TextWithoutAMood_SaysSoAndOffersNoMusic()
    {
        await using var bot = await RunningBot.StartAsync();

        var reading = await Read(bot, "what is the capital of France", "s4");

        Assert.Equal(JsonValueKind.Null, reading.GetProperty("mood").ValueKind);
        Assert.Contains("couldn't read a mood", reading.GetProperty("summary").GetString());
        Assert.Empty(reading.GetProperty("tracks").EnumerateArray());
    }

    [Theory]
    [InlineData("{\"text\": ", 400, "line 1")]
    [InlineData("[1, 2]", 400, "not the JSON")]
    [InlineData("{\"text\": \"   \"}", 400, "empty")]
    [InlineData("{\"text\": \"hi\", \"session\": \"../etc\"}", 400, "session")]
    [InlineData("null", 400, "empty")]
    public async Task PostMood_BadBodies_Get400WithAMessage(string body, int status, string expected)
    {
        await using var bot = await RunningBot.StartAsync();

        using var response = await Post(bot, "/api/mood", body);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(expected, await ErrorOf(response));
    }

    [Fact]
    public async Task PostMood_OversizedBody_Gets413()
    {
        await using var bot = await RunningBot.StartAsync();

        using var response = await Post(bot, "/api/mood", $"{{\"text\": \"{new string('a', 20_000)}\"}}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("16 KB", await ErrorOf(response));
    }

    [Fact]
    public async Task PostMood_AFloodFromOneClient_Gets429WithRetryAfter()
    {
        await using var bot = await RunningBot.StartAsync("--Web:RequestsPerMinute=3");
        for (var i = 0; i < 3; i++)
        {
            using var ok = await Post(bot, "/api/mood", """{"text": "happy"}""");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await Post(bot, "/api/mood", """{"text": "happy"}""");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many requests", await ErrorOf(limited));
    }

    [Fact]
    public async Task PostFeedback_IsStoredPerTrackAndMood()
    {
        await using var bot = await RunningBot.StartAsync();
        var reading = await Read(bot, "feeling calm and peaceful by the sea", "s5");
        var mood = reading.GetProperty("mood").GetString()!;
        var track = Ids(reading).First();

        using var liked = await Post(bot, "/api/feedback", $$"""{"track": "{{track}}", "mood": "{{mood}}", "liked": true}""");
        using var unknown = await Post(bot, "/api/feedback", $$"""{"track": "track:nope", "mood": "{{mood}}", "liked": true}""");
        using var bad = await Post(bot, "/api/feedback", """{"track": "x", "mood": "grumpy", "liked": true}""");

        Assert.Equal(HttpStatusCode.NoContent, liked.StatusCode);
        Assert.Equal(new TrackVote(1, 0), bot.Get<FeedbackStore>().VotesFor(mood)[track]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheApi()
    {
        await using var bot = await RunningBot.StartAsync();

        using var document = JsonDocument.Parse(await bot.Client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/mood", out var mood));
        Assert.True(paths.TryGetProperty("/api/feedback", out _));
        Assert.True(mood.GetProperty("post").GetProperty("responses").TryGetProperty("413", out _));
    }

    private static Task<HttpResponseMessage> Post(RunningBot bot, string path, string body) =>
        bot.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> Read(RunningBot bot, string text, string session)
    {
        using var response = await Post(bot, "/api/mood", JsonSerializer.Serialize(new Dictionary<string, string> { ["text"] = text, ["session"] = session }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static IEnumerable<string> Ids(JsonElement reading) =>
        reading.GetProperty("tracks").EnumerateArray().Select(t => t.GetProperty("id").GetString()!);

    private static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return error.RootElement.GetProperty("error").GetString()!;
    }
}
