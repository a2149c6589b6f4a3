using System.Globalization;

namespace MoodBot.State;

/// <summary>Which tracks each room got, newest first, so a room does not hear the same track again too soon.</summary>
internal sealed class PlayHistory(StateStore store, TimeProvider time)
{
    // Older rows are never read (NoRepeat is at most 100), so each room keeps a bounded tail.
    private const int Kept = 200;

    public void Record(string room, IEnumerable<string> trackIds)
    {
        using var connection = store.Open();
        using var transaction = connection.BeginTransaction();
        var now = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        foreach (var trackId in trackIds)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO plays (room, track_id, played_at) VALUES ($r, $t, $at)";
            insert.Parameters.AddWithValue("$r", room);
            insert.Parameters.AddWithValue("$t", trackId);
            insert.Parameters.AddWithValue("$at", now);
            insert.ExecuteNonQuery();
        }

        using var trim = connection.CreateCommand();
        trim.CommandText = "DELETE FROM plays WHERE room = $r AND id <= (SELECT id FROM plays WHERE room = $r ORDER BY id DESC LIMIT 1 OFFSET $kept)";
        trim.Parameters.AddWithValue("$r", room);
        trim.Parameters.AddWithValue("$kept", Kept);
        trim.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>The room's last <paramref name="count"/> track ids, newest first.</summary>
    public IReadOnlyList<string> Recent(string room, int count)
    {
        if (count <= 0)
        {
            return [];
        }

        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT track_id FROM plays WHERE room = $r ORDER BY id DESC LIMIT $n";
        command.Parameters.AddWithValue("$r", room);
        command.Parameters.AddWithValue("$n", count);
        using var reader = command.ExecuteReader();
        var ids = new List<string>(count);
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
