using Microsoft.Extensions.Time.Testing;
using MoodBot.State;

namespace MoodBot.Tests.State;

public sealed class StateStoreTests
{
    [Fact]
    public void Feedback_IsCountedPerTrackAndMood_AndSurvivesReopening()
    {
        using var dir = new TempDirectory();
        var feedback = new FeedbackStore(new StateStore(dir.Path));
        feedback.Record("synth://calm?seed=1", "calm", liked: true);
        feedback.Record("synth://calm?seed=1", "calm", liked: true);
        feedback.Record("synth://calm?seed=1", "calm", liked: false);
        feedback.Record("synth://calm?seed=1", "tired", liked: false);

        var reopened = new FeedbackStore(new StateStore(dir.Path));

        Assert.Equal(new TrackVote(2, 1), reopened.VotesFor("calm")["synth://calm?seed=1"]);
        Assert.Equal(new TrackVote(0, 1), reopened.VotesFor("tired")["synth://calm?seed=1"]);
        Assert.Empty(reopened.VotesFor("sad"));
    }

    [Fact]
    public void TrackVote_Weight_FavoursLikedTracksButNeverZero()
    {
        Assert.Equal(1.0, default(TrackVote).Weight);
        Assert.True(new TrackVote(3, 0).Weight > 1);
        Assert.InRange(new TrackVote(0, 50).Weight, 0.0001, 0.05);
    }

    [Fact]
    public void PlayHistory_RecentIsNewestFirstPerRoom()
    {
        using var dir = new TempDirectory();
        var history = new PlayHistory(new StateStore(dir.Path), new FakeTimeProvider());
        history.Record("kitchen", ["a", "b"]);
        history.Record("office", ["x"]);
        history.Record("kitchen", ["c"]);

        Assert.Equal(["c", "b"], history.Recent("kitchen", 2));
        Assert.Equal(["x"], history.Recent("office", 5));
        Assert.Empty(history.Recent("kitchen", 0));
    }

    [Fact]
    public void Open_DatabaseFromANewerVersion_IsRefusedWithAClearMessage()
    {
        using var dir = new TempDirectory();
        var store = new StateStore(dir.Path);
        using (var connection = store.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidDataException>(() => new StateStore(dir.Path));
        Assert.Contains("newer MoodBot", error.Message);
    }
}
