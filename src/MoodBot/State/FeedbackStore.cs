namespace MoodBot.State;

/// <summary>Thumbs up/down per track and mood, kept in the state database.</summary>
internal sealed class FeedbackStore(StateStore store)
{
    public void Record(string trackId, string mood, bool liked)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = liked
            ? "INSERT INTO track_feedback (track_id, mood, up) VALUES ($t, $m, 1) ON CONFLICT DO UPDATE SET up = up + 1"
            : "INSERT INTO track_feedback (track_id, mood, down) VALUES ($t, $m, 1) ON CONFLICT DO UPDATE SET down = down + 1";
        command.Parameters.AddWithValue("$t", trackId);
        command.Parameters.AddWithValue("$m", mood);
        command.ExecuteNonQuery();
    }

    public IReadOnlyDictionary<string, TrackVote> VotesFor(string mood)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT track_id, up, down FROM track_feedback WHERE mood = $m";
        command.Parameters.AddWithValue("$m", mood);
        using var reader = command.ExecuteReader();
        var votes = new Dictionary<string, TrackVote>(StringComparer.Ordinal);
        while (reader.Read())
        {
            votes[reader.GetString(0)] = new TrackVote(reader.GetInt32(1), reader.GetInt32(2));
        }

        return votes;
    }
}
