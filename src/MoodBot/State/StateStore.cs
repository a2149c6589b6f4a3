using System.Data.Common;

namespace MoodBot.State;

/// <summary>
/// The state database and the data folder beside it. The tables are in SQLite in that folder by
/// default, or in PostgreSQL when several bot instances share them; the folder always keeps the
/// files (the link key, the audio cache). The schema is brought up to date on construction.
/// </summary>
internal sealed class StateStore : IDisposable
{
    public const string FileName = "moodbot.db";

    // Each step runs once, in order, inside one transaction with its version bump.
    private static readonly SchemaStep[] Migrations =
    [
        StateSchema.FeedbackAndPlays,
        Rooms.RoomSchema.Step,
        StateSchema.ServerSettings,
        StateSchema.Lights,
        Rooms.RoomSchema.StayInVoice,
    ];

    /// <summary>SQLite in <paramref name="directory"/>.</summary>
    public StateStore(string directory)
        : this(directory, new SqliteStateDatabase(System.IO.Path.Combine(directory, FileName)))
    {
    }

    public StateStore(string directory, StateDatabase database)
    {
        System.IO.Directory.CreateDirectory(directory);
        Directory = directory;
        Database = database;
        database.Migrate(Migrations);
    }

    public string Directory { get; }

    public StateDatabase Database { get; }

    public SqlDialect Dialect => Database.Dialect;

    /// <summary>How many migrations this build has; an up-to-date database is at this version.</summary>
    public static int SchemaVersion => Migrations.Length;

    public static StateStore Create(StateOptions options, string contentRoot)
    {
        var directory = options.FullPath(contentRoot);
        return options.IsPostgres
            ? new StateStore(directory, new PostgresStateDatabase(options.ConnectionString!))
            : new StateStore(directory);
    }

    public DbConnection Open() => Database.Open();

    public void Dispose() => Database.Dispose();
}
