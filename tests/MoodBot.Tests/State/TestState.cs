using MoodBot.State;
using Xunit.Abstractions;

namespace MoodBot.Tests.State;

/// <summary>
/// Storage for one test: SQLite in a temporary folder, or a database of its own on the shared
/// <see cref="PostgresServer"/>. Stores opened on it are disposed with it.
/// </summary>
internal sealed class TestState : IDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly TempDirectory _dir = new();
    private readonly string? _connectionString;
    private readonly List<StateStore> _opened = [];

    public TestState(string provider = Sqlite, ITestOutputHelper? output = null)
    {
        Provider = provider;
        if (provider == Postgres)
        {
            _connectionString = PostgresServer.Shared.CreateDatabase();
            output?.WriteLine($"ran against {PostgresServer.Shared.Describe}");
        }
        else
        {
            output?.WriteLine($"ran against SQLite in {_dir.Path}");
        }
    }

    /// <summary>SQLite always; PostgreSQL too when <see cref="PostgresServer.IsAvailable"/> (see <c>Postgres_IsAvailable_OrSaysWhy</c>).</summary>
    public static TheoryData<string> Providers
    {
        get
        {
            var providers = new TheoryData<string> { Sqlite };
            if (PostgresServer.IsAvailable)
            {
                providers.Add(Postgres);
            }

            return providers;
        }
    }

    public string Provider { get; }

    public string Directory => _dir.Path;

    /// <summary>The PostgreSQL database's connection string; null for SQLite.</summary>
    public string? ConnectionString => _connectionString;

    /// <summary>A new handle on the same storage, as a restarted (or another) bot instance would open it.</summary>
    public StateDatabase NewDatabase() => _connectionString is null
        ? new SqliteStateDatabase(Path.Combine(_dir.Path, StateStore.FileName))
        : new PostgresStateDatabase(_connectionString);

    /// <summary>Opens (and migrates) the storage, as the bot does on start.</summary>
    public StateStore Open()
    {
        var database = NewDatabase();
        try
        {
            var store = new StateStore(_dir.Path, database);
            lock (_opened)
            {
                _opened.Add(store);
            }

            return store;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var store in _opened)
        {
            store.Dispose();
        }

        _dir.Dispose();
    }
}
