using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MoodBot.State;

/// <summary>
/// A SQLite file. Write-ahead logging keeps committed data safe if the process is killed; every
/// call opens a pooled connection, so callers on any thread are safe. The schema version is
/// <c>PRAGMA user_version</c>.
/// </summary>
internal sealed class SqliteStateDatabase(string file) : StateDatabase
{
    // A SQLite file belongs to one process, so a lock in this process orders every store opened
    // on it (a database-level lock would be the write lock, which the writes themselves need).
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Exclusives = new(StringComparer.Ordinal);

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = file,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
    }.ToString();

    public override SqlDialect Dialect => SqlDialect.Sqlite;

    public override string Description => file;

    public override DbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.Execute("PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;");
        return connection;
    }

    public override IDisposable Exclusive(string key)
    {
        var gate = Exclusives.GetOrAdd(Path.GetFullPath(file) + "\n" + key, _ => new SemaphoreSlim(1, 1));
        gate.Wait();
        return new Held(gate);
    }

    // Pooled SQLite connections hold no server resources; each one closes when its caller disposes it.
    public override void Dispose()
    {
    }

    protected override void Prepare(DbConnection connection) =>
        connection.Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");

    // BeginTransaction is BEGIN IMMEDIATE here: the write lock is taken before the version is read.
    protected override int LockAndReadVersion(DbConnection connection) => ToInt32(connection.Scalar("PRAGMA user_version"));

    protected override void WriteVersion(DbConnection connection, int version) =>
        connection.Execute($"PRAGMA user_version = {version}");

    private sealed class Held(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
