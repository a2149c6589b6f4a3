using System.Net;
using System.Text.Json;
using MoodBot.Tests.Web;
using static MoodBot.Tests.Rooms.RoomsClient;

namespace MoodBot.Tests.Rooms;

public sealed class RoomEventsTests
{
    [Fact]
    public async Task Events_SendTheStateOnConnectAndWhenSomeonePostsAMood()
    {
        await using var bot = await RunningBot.StartAsync();
        await CreateAsync(bot, "Radio");
        await using var events = await EventStreamReader.OpenAsync(bot.Client, "/api/rooms/radio/events");
        var first = await events.NextAsync("state");
        Assert.Equal(JsonValueKind.Null, first.GetProperty("now_playing").ValueKind);

        var reading = await PostMoodAsync(bot, "radio", "so happy today!");
        var update = await events.NextAsync("state", s => s.GetProperty("now_playing").ValueKind == JsonValueKind.Object);

        Assert.Equal(reading.GetProperty("tracks")[0].GetProperty("id").GetString(), update.GetProperty("now_playing").GetProperty("track").GetString());
        Assert.Equal(1, update.GetProperty("listeners").GetInt32());
    }

    [Fact]
    public async Task Events_Heartbeat_CarriesThePosition()
    {
        await using var bot = await RunningBot.StartAsync("--Rooms:HeartbeatInterval=00:00:01");
        await CreateAsync(bot, "Clock");
        var playing = (await PostMoodAsync(bot, "clock", "feeling calm and peaceful")).GetProperty("tracks")[0].GetProperty("id").GetString();
        await using var events = await EventStreamReader.OpenAsync(bot.Client, "/api/rooms/clock/events");
        var state = await events.NextAsync("state");

        var beat = await events.NextAsync("position");

        Assert.Equal(playing, state.GetProperty("now_playing").GetProperty("track").GetString());
        Assert.Equal(state.GetProperty("now_playing").GetProperty("id").GetInt64(), beat.GetProperty("track_id").GetInt64());
        Assert.True(beat.GetProperty("position_s").GetDouble() > state.GetProperty("now_playing").GetProperty("position_s").GetDouble());
    }

    [Fact]
    public async Task Events_RoomDeleted_SaysSoAndEnds()
    {
        await using var bot = await RunningBot.StartAsync();
        var token = (await CreateAsync(bot, "Brief")).GetProperty("admin_token").GetString();
        await using var events = await EventStreamReader.OpenAsync(bot.Client, "/api/rooms/brief/events");
        await events.NextAsync("state");

        using var deleted = await SendAsync(bot, HttpMethod.Delete, "/api/rooms/brief", adminToken: token);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await events.NextAsync("deleted");
    }

    [Fact]
    public async Task Skip_WithThreeListeners_NeedsTwoVotes()
    {
        await using var bot = await RunningBot.StartAsync();
        await CreateAsync(bot, "Party");
        await PostMoodAsync(bot, "party", "so happy today!");
        var streams = new List<EventStreamReader>();
        for (var i = 0; i < 3; i++)
        {
            streams.Add(await EventStreamReader.OpenAsync(bot.Client, "/api/rooms/party/events"));
        }

        await streams[2].NextAsync("state", s => s.GetProperty("listeners").GetInt32() == 3);
        var playing = (await StateAsync(bot, "party")).GetProperty("now_playing").GetProperty("id").GetInt64();

        using var first = await SkipAsync(bot, "party", playing, "alice");
        using var again = await SkipAsync(bot, "party", playing, "alice");
        var afterOne = (await JsonOf(again)).GetProperty("now_playing");
        using var second = await SkipAsync(bot, "party", playing, "bob");
        var afterTwo = (await JsonOf(second)).GetProperty("now_playing");
        var seen = await streams[0].NextAsync("state", s => s.GetProperty("now_playing").GetProperty("id").GetInt64() != playing);

        Assert.Equal((playing, 1, 2), (afterOne.GetProperty("id").GetInt64(), afterOne.GetProperty("skip_votes").GetInt32(), afterOne.GetProperty("skip_votes_needed").GetInt32()));
        Assert.NotEqual(playing, afterTwo.GetProperty("id").GetInt64());
        Assert.Equal(afterTwo.GetProperty("id").GetInt64(), seen.GetProperty("now_playing").GetProperty("id").GetInt64());
        foreach (var stream in streams)
        {
            await stream.DisposeAsync();
        }
    }

    [Fact]
    public async Task Events_ClosingTheStream_StopsCountingTheListener()
    {
        await using var bot = await RunningBot.StartAsync();
        await CreateAsync(bot, "Door");
        var events = await EventStreamReader.OpenAsync(bot.Client, "/api/rooms/door/events");
        await events.NextAsync("state", s => s.GetProperty("listeners").GetInt32() == 1);

        await events.DisposeAsync();

        for (var waited = 0; (await StateAsync(bot, "door")).GetProperty("listeners").GetInt32() != 0; waited += 20)
        {
            Assert.True(waited < 10_000, "the listener never left");
            await Task.Delay(20);
        }
    }
}
