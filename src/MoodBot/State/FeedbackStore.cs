namespace MoodBot.State;

/// <summary>Thumbs up/down per track and mood, kept in the state database.</summary>
internal sealed class FeedbackStore(StateStore store)
{
    public void Record(string trackId, string mood, bool liked)
    {
        using var connection = store.Open();
        connection.Execute(
            liked
                ? "INSERT INTO track_feedback (track_id, mood, up) VALUES (@t, @m, 1) ON CONFLICT (track_id, mood) DO UPDATE SET up = track_feedback.up + 1"
                : "INSERT INTO track_feedback (track_id, mood, down) VALUES (@t, @m, 1) ON CONFLICT (track_id, mood) DO UPDATE SET down = track_feedback.down + 1",
            ("@t", trackId), ("@m", mood));
    }

    public IReadOnlyDictionary<string, TrackVote> VotesFor(string mood)
    {
        using var connection = store.Open();
        using var command = connection.Command("SELECT track_id, up, down FROM track_feedback WHERE mood = @m", ("@m", mood));
        using var reader = command.ExecuteReader();
        var votes = new Dictionary<string, TrackVote>(StringComparer.Ordinal);
        while (reader.Read())
        {
            votes[reader.GetString(0)] = new TrackVote(reader.GetInt32(1), reader.GetInt32(2));
        }

        return votes;
    }
}
