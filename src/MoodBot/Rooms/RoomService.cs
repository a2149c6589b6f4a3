using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MoodBot.Audio.Catalogue;
using MoodBot.Audio.Streaming;
using MoodBot.Mood.Reading;

namespace MoodBot.Rooms;

/// <summary>
/// Shared listening rooms: one queue per room, played on the server's clock. Every change to a
/// room happens under that room's lock and is written in one transaction, so two people
/// racing (two skips of the same track) change it once.
/// </summary>
internal sealed partial class RoomService(
    RoomStore store,
    RoomHub hub,
    TrackPicker picker,
    TrackLinker linker,
    TrackCatalogue catalogue,
    TimeProvider time,
    IOptions<RoomOptions> options,
    ILogger<RoomService> logger)
{
    private const int MaxSlugTries = 100;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SkipBallot> _ballots = new(StringComparer.Ordinal);

    /// <summary>The name the track picker's play history uses for a room.</summary>
    public static string PickerRoom(string slug) => "room:" + slug;

    public (RoomRecord Room, string AdminToken, string? JoinToken) Create(string name, bool isPrivate)
    {
        var adminToken = RoomTokens.New();
        var joinToken = isPrivate ? RoomTokens.New() : null;
        var baseSlug = RoomSlug.From(name);
        for (var n = 1; ; n++)
        {
            // Past a hundred rooms of one name, a random suffix ends the search at once.
            var slug = n <= MaxSlugTries ? RoomSlug.WithSuffix(baseSlug, n) : $"{baseSlug}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
            var room = new RoomRecord(slug, name, isPrivate, joinToken is null ? null : RoomTokens.Hash(joinToken), RoomTokens.Hash(adminToken), false, null, time.GetUtcNow());
            if (store.TryCreate(room))
            {
                Log.Created(logger, slug, isPrivate);
                return (room, adminToken, joinToken);
            }
        }
    }

    public RoomRecord? Find(string slug) => store.Get(slug);

    /// <summary>24/7 in Discord voice: whether the player stays in its channel when it empties.</summary>
    public bool StaysInVoice(string slug) => store.StaysInVoice(slug);

    /// <summary>Sets the room's 24/7 flag; false when there is no such room.</summary>
    public bool SetStayInVoice(string slug, bool stay) => store.SetStayInVoice(slug, stay);

    /// <summary>The room as of now (playback moved on to this moment first).</summary>
    public async Task<RoomState?> GetAsync(string slug, CancellationToken cancellationToken) =>
        (await ChangeAsync(slug, _ => RoomOutcome.Done, cancellationToken)).State;

    /// <summary>Appends the reading's tracks and makes its mood the room's.</summary>
    public Task<RoomUpdate> AddAsync(string slug, MoodReading reading, bool admin, CancellationToken cancellationToken) =>
        ChangeAsync(slug, room =>
        {
            if (room.Record.Locked && !admin)
            {
                return RoomOutcome.Locked;
            }

            if (reading.Mood is null)
            {
                return RoomOutcome.Done;
            }

            // Filler picked for the old mood gives way to the new one (the track playing ends first).
            var head = room.Queue.FirstOrDefault();
            room.Queue.RemoveAll(item => item.Autoplay && !ReferenceEquals(item, head));
            var space = options.Value.MaxQueue - room.Queue.Count;
            if (space <= 0)
            {
                return RoomOutcome.QueueFull;
            }

            foreach (var entry in picker.Pick(reading, PickerRoom(slug)).Take(space))
            {
                room.Queue.Add(Queued(entry, autoplay: false));
                room.Added.Add(linker.Link(entry));
            }

            room.Record = room.Record with { Mood = reading.Mood };
            return RoomOutcome.Done;
        }, cancellationToken);

    /// <summary>
    /// Skips the playing track if it is still <paramref name="trackId"/> (a stale id changes
    /// nothing). With more than two listeners it takes a majority of their votes, one per session.
    /// </summary>
    public Task<RoomUpdate> SkipAsync(string slug, long trackId, string session, bool admin, CancellationToken cancellationToken) =>
        ChangeAsync(slug, room =>
        {
            if (room.Queue.Count == 0 || room.Queue[0].Id != trackId)
            {
                return RoomOutcome.Done;
            }

            if (room.Record.Locked && !admin)
            {
                return RoomOutcome.Locked;
            }

            var ballot = Ballot(slug, trackId);
            ballot.Sessions.Add(session);
            if (admin || ballot.Sessions.Count >= VotesNeeded(slug))
            {
                room.Queue.RemoveAt(0);
                _ballots.TryRemove(slug, out _);
            }

            room.Touched = true;
            return RoomOutcome.Done;
        }, cancellationToken);

    /// <summary>Empties the queue and forgets the mood, so the room falls silent until the next one.</summary>
    public Task<RoomUpdate> ClearAsync(string slug, CancellationToken cancellationToken) =>
        ChangeAsync(slug, room =>
        {
            room.Queue.Clear();
            room.Record = room.Record with { Mood = null };
            return RoomOutcome.Done;
        }, cancellationToken);

    public Task<RoomUpdate> UpdateAsync(string slug, string? name, bool? locked, CancellationToken cancellationToken) =>
        ChangeAsync(slug, room =>
        {
            room.Record = room.Record with { Name = name ?? room.Record.Name, Locked = locked ?? room.Record.Locked };
            return RoomOutcome.Done;
        }, cancellationToken);

    public async Task<bool> DeleteAsync(string slug, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(slug, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            bool deleted;
            using (store.Exclusive(slug))
            {
                deleted = store.Delete(slug);
            }

            _ballots.TryRemove(slug, out _);
            hub.Notify(slug);
            if (deleted)
            {
                // The store deleted the plays it had; the picker's memory and queued writes go too.
                picker.Forget(PickerRoom(slug));
                Log.Deleted(logger, slug);
            }

            return deleted;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<RoomUpdate> ChangeAsync(string slug, Func<WorkingRoom, RoomOutcome> change, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(slug, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // The gate orders this process's callers; the database's lock orders other instances'.
            using var exclusive = store.Exclusive(slug);
            if (store.Get(slug) is not { } record)
            {
                return new RoomUpdate(RoomOutcome.NotFound, null, []);
            }

            var now = time.GetUtcNow();
            var before = store.Queue(slug);
            var room = new WorkingRoom(record, [.. before]);

            // Catch up first, so a change applies to what is playing now; then once more, since
            // a skip or a first track needs its start time, and an empty queue its autoplay.
            RoomPlayback.CatchUp(room.Queue, now, Autoplay(room));
            var outcome = change(room);
            RoomPlayback.CatchUp(room.Queue, now, Autoplay(room));

            var changed = room.Record != record || !before.SequenceEqual(room.Queue);
            if (changed)
            {
                store.Save(record, room.Record, before, room.Queue);
                room.Queue.Clear();
                room.Queue.AddRange(store.Queue(slug));
            }

            if (changed || room.Touched)
            {
                hub.Notify(slug);
            }

            return new RoomUpdate(outcome, State(room, now), room.Added);
        }
        finally
        {
            gate.Release();
        }
    }

    private Func<IReadOnlyList<QueueItem>>? Autoplay(WorkingRoom room) =>
        room.Record.Mood is { } mood ? () => [.. picker.Pick(mood, null, PickerRoom(room.Record.Slug)).Select(entry => Queued(entry, autoplay: true))] : null;

    private RoomState State(WorkingRoom room, DateTimeOffset now)
    {
        // The version is read before anything else, so a change racing this read moves it past
        // what the caller saw, and an event stream sends again.
        var slug = room.Record.Slug;
        var version = hub.Version(slug);
        NowPlaying? playing = null;
        if (room.Queue.Count > 0)
        {
            var head = room.Queue[0];
            var shown = Show(head);
            var votes = _ballots.TryGetValue(slug, out var ballot) && ballot.TrackId == head.Id ? ballot.Sessions.Count : 0;
            playing = new NowPlaying(
                head.Id, shown.Track, head.Mood, head.Title, head.Artist, head.Licence, head.DurationSeconds, shown.Url,
                Math.Round(RoomPlayback.Position(head, now).TotalSeconds, 3), head.StartedAt ?? now, votes, VotesNeeded(slug));
        }

        var record = room.Record;
        return new RoomState(record.Slug, record.Name, record.Private, record.Locked, record.Mood, playing, [.. room.Queue.Skip(1).Select(Show)], hub.Listeners(slug), now)
        {
            Version = version,
        };
    }

    private int VotesNeeded(string slug) => hub.Listeners(slug) is var listeners and > 2 ? (listeners / 2) + 1 : 1;

    private SkipBallot Ballot(string slug, long trackId)
    {
        if (!_ballots.TryGetValue(slug, out var ballot) || ballot.TrackId != trackId)
        {
            ballot = new SkipBallot(trackId);
            _ballots[slug] = ballot;
        }

        return ballot;
    }

    private static QueueItem Queued(CatalogueEntry entry, bool autoplay) =>
        new(0, entry.LinkKey, entry.Mood, entry.Track.Title, entry.Track.Artist, entry.Track.Licence, entry.Track.DurationSeconds, null, autoplay);

    private QueuedTrack Show(QueueItem item)
    {
        var link = linker.Link(catalogue.Find(item.TrackKey) ?? Standalone(item));
        return new QueuedTrack(item.Id, link.Id, item.Mood, item.Title, item.Artist, item.Licence, item.DurationSeconds, link.Url);
    }

    /// <summary>
    /// A queued track that is not (or no longer) in the catalogue: generated soundscapes and
    /// public links name themselves; a file or bucket object that left the catalogue plays a
    /// soundscape of its mood instead, the same one for everyone.
    /// </summary>
    private static CatalogueEntry Standalone(QueueItem item)
    {
        var location = TrackUri.TryParse(item.TrackKey, "/", out var uri, out _) && uri.Kind is TrackSourceKind.Synth or TrackSourceKind.Https
            ? uri
            : TrackUri.Synth(item.Mood, (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(item.TrackKey))) % 1_000_000));
        return new CatalogueEntry(item.Mood, new CatalogueTrack(item.Title, item.Artist, item.Licence, item.DurationSeconds, location.Value), location);
    }

    private sealed class WorkingRoom(RoomRecord record, List<QueueItem> queue)
    {
        public RoomRecord Record { get; set; } = record;

        public List<QueueItem> Queue { get; } = queue;

        public List<TrackLink> Added { get; } = [];

        /// <summary>Something only memory holds changed (a skip vote): listeners must hear of it.</summary>
        public bool Touched { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Room {Slug} created (private: {Private})")]
        public static partial void Created(ILogger logger, string slug, bool @private);

        [LoggerMessage(2, LogLevel.Information, "Room {Slug} deleted")]
        public static partial void Deleted(ILogger logger, string slug);
    }
}
