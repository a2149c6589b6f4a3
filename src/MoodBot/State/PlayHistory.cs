namespace MoodBot.State;

/// <summary>Which tracks each room got, newest first, so a room does not hear the same track again too soon.</summary>
internal sealed class PlayHistory(StateStore store, TimeProvider time)
{
    // Older rows are never read (NoRepeat is at most 100), so each room keeps a bounded tail.
    private const int Kept = 200;

    public void Record(string room, IEnumerable<string> trackIds) => Record([(room, [.. trackIds])]);

    /// <summary>Several rooms' plays in one transaction: one commit for a whole burst of replies.</summary>
    public void Record(IReadOnlyList<(string Room, string[] TrackIds)> plays)
    {
        using var connection = store.Open();
        using var transaction = connection.BeginTransaction();
        var now = store.Dialect.Timestamp(time.GetUtcNow());
        foreach (var (room, trackIds) in plays)
        {
            foreach (var trackId in trackIds)
            {
                connection.Execute("INSERT INTO plays (room, track_id, played_at) VALUES (@r, @t, @at)", ("@r", room), ("@t", trackId), ("@at", now));
            }
        }

        foreach (var room in plays.Select(p => p.Room).Distinct())
        {
            connection.Execute(
                "DELETE FROM plays WHERE room = @r AND id <= (SELECT id FROM plays WHERE room = @r ORDER BY id DESC LIMIT 1 OFFSET @kept)",
                ("@r", room), ("@kept", Kept));
        }

        transaction.Commit();
    }

    public void Forget(string room)
    {
        using var connection = store.Open();
        connection.Execute("DELETE FROM plays WHERE room = @r", ("@r", room));
    }

    /// <summary>The room's last <paramref name="count"/> track ids, newest first.</summary>
    public IReadOnlyList<string> Recent(string room, int count)
    {
        if (count <= 0)
        {
            return [];
        }

        using var connection = store.Open();
        using var command = connection.Command("SELECT track_id FROM plays WHERE room = @r ORDER BY id DESC LIMIT @n", ("@r", room), ("@n", count));
        using var reader = command.ExecuteReader();
        var ids = new List<string>(count);
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
