using MoodBot.Lights.Links;
using MoodBot.State;

namespace MoodBot.Rooms;

/// <summary>Rooms and their queues in the state database; every change is one transaction.</summary>
internal sealed class RoomStore(StateStore state)
{
    private const string RoomColumns = "slug, name, private, join_token_hash, admin_token_hash, locked, mood, created_at";
    private const string QueueColumns = "id, track_key, mood, title, artist, licence, duration_s, started_at, autoplay";

    /// <summary>Held around a read-change-write of the room, so bot instances sharing a database take turns.</summary>
    public IDisposable Exclusive(string slug) => state.Database.Exclusive("room:" + slug);

    /// <summary>Stores a new room; false when its slug is taken.</summary>
    public bool TryCreate(RoomRecord room)
    {
        using var connection = state.Open();
        return connection.Execute(
            $"INSERT INTO rooms ({RoomColumns}) VALUES (@slug, @name, @private, @join, @admin, @locked, @mood, @created) ON CONFLICT (slug) DO NOTHING",
            ("@slug", room.Slug), ("@name", room.Name), ("@private", room.Private), ("@join", room.JoinTokenHash), ("@admin", room.AdminTokenHash),
            ("@locked", room.Locked), ("@mood", room.Mood), ("@created", room.CreatedAt.ToUnixTimeMilliseconds())) == 1;
    }

    public RoomRecord? Get(string slug)
    {
        using var connection = state.Open();
        using var command = connection.Command($"SELECT {RoomColumns} FROM rooms WHERE slug = @slug", ("@slug", slug));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new RoomRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetBoolean(2),
                reader.IsDBNull(3) ? null : (byte[])reader[3],
                (byte[])reader[4],
                reader.GetBoolean(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)))
            : null;
    }

    /// <summary>Whether the Discord voice player stays in an empty channel for this room (24/7); false when there is no such room.</summary>
    public bool StaysInVoice(string slug)
    {
        using var connection = state.Open();
        return connection.Scalar("SELECT stay_in_voice FROM rooms WHERE slug = @slug", ("@slug", slug)) is { } value and not DBNull
            && Convert.ToBoolean(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Sets the room's 24/7 flag; false when there is no such room.</summary>
    public bool SetStayInVoice(string slug, bool stay)
    {
        using var connection = state.Open();
        return connection.Execute("UPDATE rooms SET stay_in_voice = @stay WHERE slug = @slug", ("@stay", stay), ("@slug", slug)) == 1;
    }

    /// <summary>The room's queue in play order, the head first.</summary>
    public List<QueueItem> Queue(string slug)
    {
        using var connection = state.Open();
        using var command = connection.Command($"SELECT {QueueColumns} FROM room_queue WHERE room = @slug ORDER BY id", ("@slug", slug));
        using var reader = command.ExecuteReader();
        var queue = new List<QueueItem>();
        while (reader.Read())
        {
            queue.Add(new QueueItem(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetDouble(6),
                reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                reader.GetBoolean(8)));
        }

        return queue;
    }

    /// <summary>
    /// Writes the difference between what was read and what it became, in one transaction: the
    /// room's fields, queue items gone, start times set, new items appended (ids keep the order).
    /// </summary>
    public void Save(RoomRecord before, RoomRecord after, IReadOnlyList<QueueItem> oldQueue, IReadOnlyList<QueueItem> newQueue)
    {
        using var connection = state.Open();
        using var transaction = connection.BeginTransaction();
        if (before.Name != after.Name || before.Locked != after.Locked || before.Mood != after.Mood)
        {
            connection.Execute("UPDATE rooms SET name = @name, locked = @locked, mood = @mood WHERE slug = @slug",
                ("@name", after.Name), ("@locked", after.Locked), ("@mood", after.Mood), ("@slug", after.Slug));
        }

        var kept = newQueue.Where(item => item.Id != 0).ToDictionary(item => item.Id);
        foreach (var item in oldQueue)
        {
            if (!kept.TryGetValue(item.Id, out var now))
            {
                connection.Execute("DELETE FROM room_queue WHERE id = @id", ("@id", item.Id));
            }
            else if (now.StartedAt != item.StartedAt)
            {
                connection.Execute("UPDATE room_queue SET started_at = @at WHERE id = @id", ("@at", now.StartedAt?.ToUnixTimeMilliseconds()), ("@id", item.Id));
            }
        }

        foreach (var item in newQueue.Where(item => item.Id == 0))
        {
            connection.Execute(
                "INSERT INTO room_queue (room, track_key, mood, title, artist, licence, duration_s, started_at, autoplay) VALUES (@room, @key, @mood, @title, @artist, @licence, @duration, @at, @autoplay)",
                ("@room", after.Slug), ("@key", item.TrackKey), ("@mood", item.Mood), ("@title", item.Title), ("@artist", item.Artist),
                ("@licence", item.Licence), ("@duration", item.DurationSeconds), ("@at", item.StartedAt?.ToUnixTimeMilliseconds()), ("@autoplay", item.Autoplay));
        }

        transaction.Commit();
    }

    /// <summary>Removes the room with its queue, links and play history; false when there was none.</summary>
    public bool Delete(string slug)
    {
        using var connection = state.Open();
        using var transaction = connection.BeginTransaction();
        connection.Execute("DELETE FROM plays WHERE room = @room", ("@room", RoomService.PickerRoom(slug)));
        // Its Hue links go with it: a new room of the same name must not inherit someone's lights.
        connection.Execute("DELETE FROM light_links WHERE place = @place", ("@place", LightPlace.Room(slug)));
        var deleted = connection.Execute("DELETE FROM rooms WHERE slug = @slug", ("@slug", slug)) == 1;
        transaction.Commit();
        return deleted;
    }
}
