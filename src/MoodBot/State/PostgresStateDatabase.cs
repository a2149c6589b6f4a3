using System.Data.Common;
using Npgsql;

namespace MoodBot.State;

/// <summary>
/// A PostgreSQL database shared by several bot instances. The schema version is a one-row
/// <c>schema_version</c> table; migrations hold a transaction-scoped advisory lock, so instances
/// starting together take turns and all but the first find nothing to do.
/// </summary>
internal sealed class PostgresStateDatabase : StateDatabase
{
    // "MoodBot" in ASCII: any constant works as long as every instance uses the same one.
    private const long MigrationLock = 0x4D6F6F64426F74;

    // The two-key advisory locks are a space apart from the one-key migration lock.
    private const int ExclusiveSpace = 0x4D42;

    private readonly NpgsqlDataSource _source;

    public PostgresStateDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"PostgreSQL database {builder.Database ?? builder.Username} at {builder.Host}:{builder.Port}";
        _source = NpgsqlDataSource.Create(builder);
    }

    public override SqlDialect Dialect => SqlDialect.Postgres;

    public override string Description { get; }

    public override DbConnection Open() => _source.OpenConnection();

    public override IDisposable Exclusive(string key)
    {
        var connection = _source.OpenConnection();
        try
        {
            var transaction = connection.BeginTransaction();
            connection.Execute("SELECT pg_advisory_xact_lock(@space, hashtext(@key))", ("@space", ExclusiveSpace), ("@key", key));
            return new Held(connection, transaction);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public override void Dispose() => _source.Dispose();

    protected override int LockAndReadVersion(DbConnection connection)
    {
        connection.Execute("SELECT pg_advisory_xact_lock(@lock)", ("@lock", MigrationLock));
        connection.Execute(
            """
            CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
            INSERT INTO schema_version (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM schema_version);
            """);
        return ToInt32(connection.Scalar("SELECT version FROM schema_version"));
    }

    protected override void WriteVersion(DbConnection connection, int version) =>
        connection.Execute("UPDATE schema_version SET version = @version", ("@version", version));

    /// <summary>A transaction-scoped lock: ending the transaction (and returning the connection) releases it.</summary>
    private sealed class Held(NpgsqlConnection connection, NpgsqlTransaction transaction) : IDisposable
    {
        public void Dispose()
        {
            transaction.Dispose();
            connection.Dispose();
        }
    }
}
