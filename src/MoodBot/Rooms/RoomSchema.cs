using MoodBot.State;

namespace MoodBot.Rooms;

/// <summary>The rooms' tables: a step of <see cref="StateStore"/>'s migrations, kept beside the code that uses them.</summary>
internal static class RoomSchema
{
    // Times are Unix milliseconds: playback positions are arithmetic on them, never parsing.
    public static readonly SchemaStep Step = new(
        Sqlite:
        """
        CREATE TABLE rooms (
            slug TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            private INTEGER NOT NULL DEFAULT 0,
            join_token_hash BLOB,
            admin_token_hash BLOB NOT NULL,
            locked INTEGER NOT NULL DEFAULT 0,
            mood TEXT,
            created_at INTEGER NOT NULL);
        CREATE TABLE room_links (
            room TEXT NOT NULL REFERENCES rooms (slug) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            target TEXT NOT NULL,
            PRIMARY KEY (kind, target));
        CREATE INDEX room_links_by_room ON room_links (room);
        CREATE TABLE room_queue (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            room TEXT NOT NULL REFERENCES rooms (slug) ON DELETE CASCADE,
            track_key TEXT NOT NULL,
            mood TEXT NOT NULL,
            title TEXT NOT NULL,
            artist TEXT NOT NULL,
            licence TEXT NOT NULL,
            duration_s REAL NOT NULL,
            started_at INTEGER,
            autoplay INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX room_queue_by_room ON room_queue (room, id);
        """,
        Postgres:
        """
        CREATE TABLE rooms (
            slug TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            private BOOLEAN NOT NULL DEFAULT FALSE,
            join_token_hash BYTEA,
            admin_token_hash BYTEA NOT NULL,
            locked BOOLEAN NOT NULL DEFAULT FALSE,
            mood TEXT,
            created_at BIGINT NOT NULL);
        CREATE TABLE room_links (
            room TEXT NOT NULL REFERENCES rooms (slug) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            target TEXT NOT NULL,
            PRIMARY KEY (kind, target));
        CREATE INDEX room_links_by_room ON room_links (room);
        CREATE TABLE room_queue (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            room TEXT NOT NULL REFERENCES rooms (slug) ON DELETE CASCADE,
            track_key TEXT NOT NULL,
            mood TEXT NOT NULL,
            title TEXT NOT NULL,
            artist TEXT NOT NULL,
            licence TEXT NOT NULL,
            duration_s DOUBLE PRECISION NOT NULL,
            started_at BIGINT,
            autoplay BOOLEAN NOT NULL DEFAULT FALSE);
        CREATE INDEX room_queue_by_room ON room_queue (room, id);
        """);

    /// <summary>
    /// 24/7 per room: the Discord voice player stays in its channel when it empties. A later step,
    /// not an edit of <see cref="Step"/>, so databases already at that step gain the column.
    /// </summary>
    public static readonly SchemaStep StayInVoice = new(
        Sqlite: "ALTER TABLE rooms ADD COLUMN stay_in_voice INTEGER NOT NULL DEFAULT 0;",
        Postgres: "ALTER TABLE rooms ADD COLUMN stay_in_voice BOOLEAN NOT NULL DEFAULT FALSE;");
}
