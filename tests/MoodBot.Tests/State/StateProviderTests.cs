using Microsoft.Extensions.Time.Testing;
using MoodBot.State;
using Xunit.Abstractions;

namespace MoodBot.Tests.State;

/// <summary>The stores against every provider this machine has: SQLite always, PostgreSQL when installed.</summary>
[Collection(StateProvidersGroup.Name)]
public sealed class StateProviderTests(ITestOutputHelper output)
{
    public static TheoryData<string> Providers => TestState.Providers;

    [Fact]
    public void Postgres_IsAvailable_OrSaysWhy()
    {
        if (PostgresServer.Unavailable is { } why)
        {
            output.WriteLine(why);
            output.WriteLine("The provider tests ran against SQLite only.");
            return;
        }

        var server = PostgresServer.Shared;
        output.WriteLine($"ran against {server.Describe}");
        Assert.Matches(@"^\d+(\.\d+)*", server.Version);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void ServerSettings_AreKeptPerServer_UpdatedInPlace_AndRemovable(string provider)
    {
        using var storage = new TestState(provider, output);
        var settings = new ServerSettings(storage.Open());
        settings.Set("discord:1", "music_channel", "42");
        settings.Set("discord:1", "music_channel", "43");
        settings.Set("discord:1", "room", "living-room");
        settings.Set("slack:T1", "room", "office");

        var reopened = new ServerSettings(storage.Open());
        Assert.Equal("43", reopened.Get("discord:1", "music_channel"));
        Assert.Equal(2, reopened.All("discord:1").Count);
        Assert.Equal("office", reopened.Get("slack:T1", "room"));

        reopened.Set("discord:1", "room", null);
        Assert.Null(reopened.Get("discord:1", "room"));
        Assert.Throws<ArgumentException>(() => reopened.Set("x", "y", new string('z', ServerSettings.MaxValueChars + 1)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Feedback_IsCountedPerTrackAndMood_AndSurvivesReopening(string provider)
    {
        using var storage = new TestState(provider, output);
        var feedback = new FeedbackStore(storage.Open());
        feedback.Record("synth://calm?seed=1", "calm", liked: true);
        feedback.Record("synth://calm?seed=1", "calm", liked: true);
        feedback.Record("synth://calm?seed=1", "calm", liked: false);
        feedback.Record("synth://calm?seed=1", "tired", liked: false);

        var reopened = new FeedbackStore(storage.Open());

        Assert.Equal(new TrackVote(2, 1), reopened.VotesFor("calm")["synth://calm?seed=1"]);
        Assert.Equal(new TrackVote(0, 1), reopened.VotesFor("tired")["synth://calm?seed=1"]);
        Assert.Empty(reopened.VotesFor("sad"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void PlayHistory_RecentIsNewestFirstPerRoom_AndKeepsABoundedTail(string provider)
    {
        using var storage = new TestState(provider, output);
        var history = new PlayHistory(storage.Open(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero)));
        history.Record("kitchen", ["a", "b"]);
        history.Record("office", ["x"]);
        history.Record("kitchen", ["c"]);
        history.Record("hall", Enumerable.Range(0, 250).Select(i => $"t{i}"));

        Assert.Equal(["c", "b"], history.Recent("kitchen", 2));
        Assert.Equal(["x"], history.Recent("office", 5));
        Assert.Empty(history.Recent("kitchen", 0));
        var hall = history.Recent("hall", 1000);
        Assert.Equal(200, hall.Count);
        Assert.Equal(("t249", "t50"), (hall[0], hall[^1]));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrate_OnEveryStart_RunsEachStepOnce(string provider)
    {
        using var storage = new TestState(provider, output);
        new FeedbackStore(storage.Open()).Record("t", "calm", liked: true);

        var again = storage.Open();
        var third = storage.Open();

        Assert.Equal(StateStore.SchemaVersion, third.Database.SchemaVersion());
        Assert.Equal(new TrackVote(1, 0), new FeedbackStore(again).VotesFor("calm")["t"]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrate_SeveralInstancesStartingTogether_MigrateOnceAndAllStart(string provider)
    {
        using var storage = new TestState(provider, output);
        using var ready = new Barrier(4);

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            ready.SignalAndWait(TimeSpan.FromSeconds(30));
            return storage.Open();
        })));

        Assert.All(stores, store => Assert.Equal(StateStore.SchemaVersion, store.Database.SchemaVersion()));
        new FeedbackStore(stores[0]).Record("t", "calm", liked: true);
        Assert.Equal(new TrackVote(1, 0), new FeedbackStore(stores[3]).VotesFor("calm")["t"]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Open_DatabaseFromANewerVersion_IsRefusedWithAClearMessage(string provider)
    {
        using var storage = new TestState(provider, output);
        using (var connection = storage.Open().Open())
        {
            connection.Execute(provider == TestState.Postgres ? "UPDATE schema_version SET version = 99" : "PRAGMA user_version = 99");
        }

        var error = Assert.Throws<InvalidDataException>(() => storage.Open());
        Assert.Contains("newer MoodBot", error.Message);
        Assert.Contains("schema 99", error.Message);
    }
}
