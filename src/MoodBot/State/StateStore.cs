using Microsoft.Data.Sqlite;

namespace MoodBot.State;

/// <summary>
/// The SQLite database in the state folder. Write-ahead logging keeps committed data safe if the
/// process is killed; every call opens a pooled connection, so callers on any thread are safe.
/// </summary>
internal sealed class StateStore
{
    public const string FileName = "moodbot.db";

    // Each step runs once, in order, inside one transaction with its version bump.
    private static readonly string[] Migrations =
    [
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
        Rooms.RoomSchema.Migration,
    ];

    private readonly string _connectionString;

    public StateStore(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        Directory = directory;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = System.IO.Path.Combine(directory, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
        Migrate();
    }

    public string Directory { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private void Migrate()
    {
        using var connection = Open();
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
            wal.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        var version = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > Migrations.Length)
        {
            throw new InvalidDataException(
                $"{System.IO.Path.Combine(Directory, FileName)} was written by a newer MoodBot (schema {version}, this build knows {Migrations.Length}).");
        }

        for (var step = version; step < Migrations.Length; step++)
        {
            Scalar(connection, transaction, Migrations[step]);
            Scalar(connection, transaction, $"PRAGMA user_version = {step + 1}");
        }

        transaction.Commit();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
