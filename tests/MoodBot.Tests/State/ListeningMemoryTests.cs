using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MoodBot.State;

namespace MoodBot.Tests.State;

public sealed class ListeningMemoryTests
{
    [Fact]
    public void Played_IsRecentAtOnce_AndInTheDatabaseOnceDisposed()
    {
        using var dir = new TempDirectory();
        var store = new StateStore(dir.Path);
        var history = new PlayHistory(store, new FakeTimeProvider());
        using (var memory = Memory(store, history))
        {
            memory.Played("kitchen", ["a", "b"]);
            memory.Played("kitchen", ["c"]);

            Assert.Equal(["c", "b", "a"], memory.Recent("kitchen", 5));
        }

        Assert.Equal(["c", "b", "a"], history.Recent("kitchen", 5));
        using var restarted = Memory(store, history);
        Assert.Equal(["c", "b"], restarted.Recent("kitchen", 2));
    }

    [Fact]
    public void Vote_IsStoredAtOnce_AndTheCachedVotesFollow()
    {
        using var dir = new TempDirectory();
        var store = new StateStore(dir.Path);
        using var memory = Memory(store, new PlayHistory(store, new FakeTimeProvider()));
        Assert.Empty(memory.Votes("calm"));

        memory.Vote("synth://calm?seed=1", "calm", liked: true);

        Assert.Equal(new TrackVote(1, 0), new FeedbackStore(store).VotesFor("calm")["synth://calm?seed=1"]);
        Assert.Equal(new TrackVote(1, 0), memory.Votes("calm")["synth://calm?seed=1"]);
    }

    [Fact]
    public void Votes_FromAnotherInstance_ShowWithin30Seconds()
    {
        using var dir = new TempDirectory();
        var store = new StateStore(dir.Path);
        var time = new FakeTimeProvider();
        using var memory = new ListeningMemory(new FeedbackStore(store), new PlayHistory(store, time), time, NullLogger<ListeningMemory>.Instance);
        Assert.Empty(memory.Votes("sad"));

        new FeedbackStore(store).Record("synth://sad?seed=2", "sad", liked: false);
        Assert.Empty(memory.Votes("sad"));
        time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(new TrackVote(0, 1), memory.Votes("sad")["synth://sad?seed=2"]);
    }

    private static ListeningMemory Memory(StateStore store, PlayHistory history) =>
        new(new FeedbackStore(store), history, TimeProvider.System, NullLogger<ListeningMemory>.Instance);
}
