namespace MoodBot.State;

/// <summary>Migrations of the bot-wide tables (rooms have theirs in <c>Rooms/RoomSchema</c>).</summary>
internal static class StateSchema
{
    public static readonly SchemaStep FeedbackAndPlays = new(
        Sqlite:
        """
        CREATE TABLE track_feedback (
            track_id TEXT NOT NULL,
            mood TEXT NOT NULL,
            up INTEGER NOT NULL DEFAULT 0,
            down INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (track_id, mood));
        CREATE TABLE plays (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            room TEXT NOT NULL,
            track_id TEXT NOT NULL,
            played_at TEXT NOT NULL);
        CREATE INDEX plays_by_room ON plays (room, id DESC);
        """,
        Postgres:
        """
        CREATE TABLE track_feedback (
            track_id TEXT NOT NULL,
            mood TEXT NOT NULL,
            up INTEGER NOT NULL DEFAULT 0,
            down INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (track_id, mood));
        CREATE TABLE plays (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            room TEXT NOT NULL,
            track_id TEXT NOT NULL,
            played_at TIMESTAMPTZ NOT NULL);
        CREATE INDEX plays_by_room ON plays (room, id DESC);
        """);

    /// <summary>Settings per chat server (a Discord guild, a Slack workspace, the web), as key and value.</summary>
    public static readonly SchemaStep ServerSettings = new(
        Sqlite:
        """
        CREATE TABLE server_settings (
            server TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (server, key));
        """,
        Postgres:
        """
        CREATE TABLE server_settings (
            server TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (server, key));
        """);

    /// <summary>Paired Hue bridges (with their application keys) and the chat places linked to their rooms.</summary>
    public static readonly SchemaStep Lights = new(Sqlite: LightsTables, Postgres: LightsTables);

    // Plain TEXT columns and keys: the same SQL suits both databases.
    private const string LightsTables =
        """
        CREATE TABLE hue_bridges (
            id TEXT PRIMARY KEY,
            address TEXT NOT NULL,
            application_key TEXT NOT NULL);
        CREATE TABLE light_links (
            place TEXT NOT NULL,
            bridge_id TEXT NOT NULL,
            group_id TEXT NOT NULL,
            grouped_light_id TEXT NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (place, bridge_id, group_id));
        """;
}
