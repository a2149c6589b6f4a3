using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using MoodBot.State;
using Xunit.Abstractions;

namespace MoodBot.Tests.State;

/// <summary>
/// SQLite's promise under write-ahead logging: a process killed at any moment loses no committed
/// transaction, leaves no half of one, and leaves a file that opens and passes its integrity check.
/// </summary>
public sealed class StateKillTests(ITestOutputHelper output)
{
    private const int Rounds = 5;

    [Fact]
    public async Task Kill_WhileWritingTransactions_KeepsEveryCommittedWriteAndAnIntactFile()
    {
        for (var round = 0; round < Rounds; round++)
        {
            using var dir = new TempDirectory();
            var delay = TimeSpan.FromMilliseconds(Random.Shared.Next(50, 500));
            var committed = await RunAndKillAsync(dir.Path, delay);

            var store = new StateStore(dir.Path);
            using var connection = store.Open();
            Assert.Equal("ok", connection.Scalar("PRAGMA integrity_check"));
            var votes = new FeedbackStore(store).VotesFor("calm");
            var plays = PlaysPerRoom(connection);
            output.WriteLine($"round {round + 1}: killed after {delay.TotalMilliseconds:0} ms, {committed.Count} writes reported committed, {votes.Count} found");

            Assert.NotEmpty(committed);
            Assert.All(committed, i =>
            {
                Assert.Equal(new TrackVote(1, 0), votes[StateWriter.Track(i)]);
                Assert.Equal(StateWriter.Plays.Length, plays[StateWriter.Room(i)]);
            });
            Assert.All(plays.Values, count => Assert.Equal(StateWriter.Plays.Length, count));
        }
    }

    private static Dictionary<string, long> PlaysPerRoom(System.Data.Common.DbConnection connection)
    {
        using var command = connection.Command("SELECT room, COUNT(*) FROM plays GROUP BY room");
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>Starts the writer, kills it (SIGKILL) <paramref name="delay"/> after its first commit; the writes it reported.</summary>
    private static async Task<List<int>> RunAndKillAsync(string directory, TimeSpan delay)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(StateWriter).Assembly.Location);
        start.ArgumentList.Add(StateWriter.Command);
        start.ArgumentList.Add(directory);

        var lines = new ConcurrentQueue<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstCommit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data == StateWriter.Ready)
            {
                ready.TrySetResult();
            }
            else if (line.Data is { Length: > 0 } data)
            {
                lines.Enqueue(data);
                firstCommit.TrySetResult();
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            // The kill lands mid-stream: after the first reported commit (on a loaded machine the
            // child can take longer than the shortest delay to make one), then a random while later.
            await ready.Task.WaitAsync(timeout.Token);
            await firstCommit.Task.WaitAsync(timeout.Token);
            await Task.Delay(delay, timeout.Token);
        }
        finally
        {
            // Process.Kill is SIGKILL on Unix: no handler, no flush, no cleanup in the child.
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None);
        }

        Assert.True(ready.Task.IsCompleted, await errors);
        return [.. lines.Select(line => int.Parse(line, CultureInfo.InvariantCulture))];
    }
}
