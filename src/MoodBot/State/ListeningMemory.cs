using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MoodBot.Hosting;

namespace MoodBot.State;

/// <summary>
/// What the picker needs on every reply, kept in memory in front of the database: each room's
/// recent tracks and each mood's votes. Without it every reply paid three queries and a write
/// transaction, and concurrent writers queued on SQLite's lock (the load test's long tail).
/// Plays are written behind by one writer (a crash loses at most the last few, which only risks
/// a repeat); votes are what people said, so they are written before the call returns.
/// </summary>
internal sealed partial class ListeningMemory : IDisposable
{
    public const int RoomsKept = 10_000;
    private const int RecentKept = 100;
    private static readonly TimeSpan VotesFreshFor = TimeSpan.FromSeconds(30);

    private readonly FeedbackStore _feedback;
    private readonly PlayHistory _history;
    private readonly TimeProvider _time;
    private readonly ILogger<ListeningMemory> _logger;
    private readonly ConcurrentDictionary<string, List<string>> _recent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (IReadOnlyDictionary<string, TrackVote> Votes, DateTimeOffset At)> _votes = new(StringComparer.Ordinal);
    // Ids null means "forget the room": queued behind its pending plays, so none of them outlives it.
    private readonly Channel<(string Room, string[]? Ids)> _plays = Channel.CreateUnbounded<(string, string[]?)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public ListeningMemory(FeedbackStore feedback, PlayHistory history, TimeProvider time, ILogger<ListeningMemory> logger)
    {
        _feedback = feedback;
        _history = history;
        _time = time;
        _logger = logger;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>The room's last <paramref name="count"/> track ids, newest first.</summary>
    public IReadOnlyList<string> Recent(string room, int count)
    {
        if (count <= 0)
        {
            return [];
        }

        var recent = _recent.GetOrAdd(room, r => [.. _history.Recent(r, RecentKept)]);
        lock (recent)
        {
            return [.. recent.Take(count)];
        }
    }

    public void Played(string room, IReadOnlyList<string> ids)
    {
        // Past the bound, some rooms' memory goes; the database still has their plays.
        _recent.MakeRoomFor(room, RoomsKept);

        var recent = _recent.GetOrAdd(room, r => [.. _history.Recent(r, RecentKept)]);
        lock (recent)
        {
            recent.InsertRange(0, ids.Reverse());
            if (recent.Count > RecentKept)
            {
                recent.RemoveRange(RecentKept, recent.Count - RecentKept);
            }
        }

        _plays.Writer.TryWrite((room, [.. ids]));
    }

    /// <summary>Forgets a room's plays (the room was deleted), in memory now and in the database after its pending writes.</summary>
    public void Forget(string room)
    {
        // An empty list, not a removal: a removal would let the next Recent reload plays from the
        // database before the writer has reached the queued forget.
        _recent.MakeRoomFor(room, RoomsKept);
        _recent[room] = [];
        _plays.Writer.TryWrite((room, null));
    }

    /// <summary>Votes per track for a mood; fresh for this process at once, for other instances within 30 s.</summary>
    public IReadOnlyDictionary<string, TrackVote> Votes(string mood)
    {
        var now = _time.GetUtcNow();
        if (_votes.TryGetValue(mood, out var cached) && now - cached.At < VotesFreshFor)
        {
            return cached.Votes;
        }

        var votes = _feedback.VotesFor(mood);
        _votes[mood] = (votes, now);
        return votes;
    }

    public void Vote(string trackId, string mood, bool liked)
    {
        _feedback.Record(trackId, mood, liked);
        _votes.TryRemove(mood, out _);
    }

    /// <summary>Writes the plays still queued, so a clean stop (and every command-line run) keeps them all.</summary>
    public void Dispose()
    {
        _plays.Writer.TryComplete();
        if (!_writer.Wait(TimeSpan.FromSeconds(10)))
        {
            Log.WriterSlow(_logger);
        }
    }

    private async Task WriteAsync()
    {
        var reader = _plays.Reader;
        var batch = new List<(string Room, string[] Ids)>();
        while (await reader.WaitToReadAsync())
        {
            // Everything queued goes in one transaction; a forget ends the batch so it keeps its place.
            while (batch.Count < 1000 && reader.TryRead(out var item))
            {
                if (item.Ids is null)
                {
                    Write(batch);
                    Write(() => _history.Forget(item.Room), item.Room);
                    continue;
                }

                batch.Add((item.Room, item.Ids));
            }

            Write(batch);
        }
    }

    private void Write(List<(string Room, string[] Ids)> batch)
    {
        if (batch.Count > 0)
        {
            Write(() => _history.Record(batch), batch[0].Room);
            batch.Clear();
        }
    }

    private void Write(Action write, string room)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            // Losing play records only risks a repeat; the writer must keep going.
            Log.WriteFailed(_logger, room, ex.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Recording plays for room {Room} failed: {Reason}")]
        public static partial void WriteFailed(ILogger logger, string room, string reason);

        [LoggerMessage(2, LogLevel.Warning, "Stopping: plays were still being written after 10 s")]
        public static partial void WriterSlow(ILogger logger);
    }
}
