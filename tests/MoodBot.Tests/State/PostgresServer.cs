using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace MoodBot.Tests.State;

/// <summary>
/// A throwaway PostgreSQL cluster for the provider tests: found through <c>initdb</c> and
/// <c>pg_ctl</c> on the PATH or under /usr/lib/postgresql/*/bin, started once per test run on a
/// free loopback port (as the <c>postgres</c> user when the tests run as root, which PostgreSQL
/// refuses), and stopped and removed by <see cref="PostgresCluster"/> when its tests are
/// done, or by a watchdog shell if the test host dies first. Each test gets a database of its own.
/// </summary>
internal sealed class PostgresServer
{
    private const string User = "moodbot";

    private static readonly Probe Found = Find();

    private static readonly Lazy<PostgresServer> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _dataDirectory;
    private readonly string _binaries;
    private readonly string? _runAs;

    private PostgresServer(string binaries, string? runAs, string dataDirectory, int port)
    {
        _binaries = binaries;
        _runAs = runAs;
        _dataDirectory = dataDirectory;
        Port = port;
    }

    /// <summary>Why the PostgreSQL cases cannot run here, or null when they can.</summary>
    public static string? Unavailable => Found.Why;

    public static bool IsAvailable => Unavailable is null;

    /// <summary>The cluster, started on first use; a failure to start fails the tests that need it.</summary>
    public static PostgresServer Shared => Started.Value;

    public int Port { get; }

    public string Version { get; private set; } = "";

    public string Describe => $"PostgreSQL {Version} at 127.0.0.1:{Port}";

    /// <summary>A new, empty database; its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "moodbot_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = User, Database = database, Pooling = true }.ConnectionString;

    private static Probe Find()
    {
        if (Environment.GetEnvironmentVariable("MOODBOT_TEST_POSTGRES") == "off")
        {
            return new Probe(null, null, "PostgreSQL tests turned off (MOODBOT_TEST_POSTGRES=off)");
        }

        var binaries = FindBinaries();
        if (binaries is null)
        {
            return new Probe(null, null, "PostgreSQL not found (no initdb/pg_ctl on the PATH or under /usr/lib/postgresql/*/bin): apt-get install postgresql to run the provider tests");
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return new Probe(binaries, null, null);
        }

        if (Run("id", ["-u", "postgres"], runAs: null, throwOnError: false).ExitCode != 0)
        {
            return new Probe(binaries, null, "PostgreSQL refuses to run as root and there is no postgres user to run it as: apt-get install postgresql creates one");
        }

        return new Probe(binaries, "postgres", null);
    }

    private static string? FindBinaries()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            // The newest major version first.
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(dir => int.TryParse(Path.GetFileName(dir), out var major) ? major : 0)
                .Select(dir => Path.Combine(dir, "bin")));
        }

        return candidates.FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
    }

    private static PostgresServer Start()
    {
        if (Unavailable is not null)
        {
            throw new InvalidOperationException(Unavailable);
        }

        var dataDirectory = Directory.CreateTempSubdirectory("moodbot-pg-").FullName;
        if (Found.RunAs is not null)
        {
            Run("chown", [Found.RunAs, dataDirectory], runAs: null);
        }

        var server = new PostgresServer(Found.Binaries!, Found.RunAs, dataDirectory, FreePort());
        var cluster = Path.Combine(dataDirectory, "data");
        server.Tool("initdb", ["-D", cluster, "-U", User, "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
        server.Tool("pg_ctl", [
            "-D", cluster, "-l", Path.Combine(dataDirectory, "server.log"), "-w", "-t", "60",
            "-o", $"-p {server.Port} -k {dataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
            "start"]);
        server.Watch(cluster);

        using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        connection.Open();
        server.Version = connection.PostgreSqlVersion.ToString();
        return server;
    }

    /// <summary>Stops and removes the cluster if it was started.</summary>
    public static void StopShared()
    {
        if (Started.IsValueCreated)
        {
            Started.Value.Stop();
        }
    }

    private void Stop()
    {
        NpgsqlConnection.ClearAllPools();
        Run(Path.Combine(_binaries, "pg_ctl"), ["-D", Path.Combine(_dataDirectory, "data"), "-m", "immediate", "-w", "stop"], _runAs, throwOnError: false);
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    // A test host that is killed (or exits before the fixture is disposed) must not leave a server
    // behind: a detached shell waits for this process to end, then stops the cluster and removes it.
    private void Watch(string cluster)
    {
        var stop = string.Join(' ', new[] { _runAs is null ? "" : $"runuser -u {_runAs} --", Path.Combine(_binaries, "pg_ctl"), "-D", cluster, "-m", "immediate", "-w", "stop" });
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 1; done; {stop}; rm -rf '{_dataDirectory}'";
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "sh", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        using var watchdog = Process.Start(start);
    }

    private void Tool(string name, string[] arguments) => Run(Path.Combine(_binaries, name), arguments, _runAs);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (int ExitCode, string Output) Run(string program, string[] arguments, string? runAs, bool throwOnError = true)
    {
        var start = new ProcessStartInfo(runAs is null ? program : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAs is not null)
        {
            foreach (var argument in new[] { "-u", runAs, "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        var text = output.Result + error.Result;
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {text}");
        }

        return (process.ExitCode, text);
    }

    private sealed record Probe(string? Binaries, string? RunAs, string? Why);
}
