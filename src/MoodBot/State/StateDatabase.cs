using System.Data.Common;
using System.Globalization;

namespace MoodBot.State;

/// <summary>
/// Where the state tables live: opens connections and brings the schema up to date. The stores
/// write the same SQL to either provider; only the migrations and a few values differ (see
/// <see cref="SqlDialect"/>).
/// </summary>
internal abstract class StateDatabase : IDisposable
{
    public abstract SqlDialect Dialect { get; }

    /// <summary>Names the database for messages: a file path, or a server and database name, never a password.</summary>
    public abstract string Description { get; }

    /// <summary>An open connection from the pool; callers dispose it.</summary>
    public abstract DbConnection Open();

    /// <summary>
    /// Runs the steps not yet applied, in order, in one transaction with the version bump, so a
    /// crash leaves the schema as it was and two instances starting together migrate once.
    /// </summary>
    public void Migrate(IReadOnlyList<SchemaStep> steps)
    {
        using var connection = Open();
        Prepare(connection);
        using var transaction = connection.BeginTransaction();
        var version = LockAndReadVersion(connection);
        if (version > steps.Count)
        {
            throw new InvalidDataException(
                $"{Description} was written by a newer MoodBot (schema {version}, this build knows {steps.Count}).");
        }

        for (var step = version; step < steps.Count; step++)
        {
            connection.Execute(steps[step].For(Dialect));
            WriteVersion(connection, step + 1);
        }

        transaction.Commit();
    }

    /// <summary>The schema version, 0 for an empty database.</summary>
    public int SchemaVersion()
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var version = LockAndReadVersion(connection);
        transaction.Commit();
        return version;
    }

    /// <summary>
    /// Held while one bot instance reads, changes and writes something that others may change at
    /// the same time (a room): instances sharing the database take turns.
    /// </summary>
    public abstract IDisposable Exclusive(string key);

    public abstract void Dispose();

    /// <summary>Settings the connection needs before the migration's transaction begins.</summary>
    protected virtual void Prepare(DbConnection connection)
    {
    }

    /// <summary>Inside the migration's transaction: waits for other instances migrating, then reads the version.</summary>
    protected abstract int LockAndReadVersion(DbConnection connection);

    protected abstract void WriteVersion(DbConnection connection, int version);

    protected static int ToInt32(object? value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
