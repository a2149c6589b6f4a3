using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MoodBot.Audio.Catalogue;
using MoodBot.Audio.Streaming;
using MoodBot.Mood.Reading;
using MoodBot.Rooms;
using MoodBot.State;
using MoodBot.Tests.State;
using MoodBot.Web;
using Xunit.Abstractions;

namespace MoodBot.Tests.Rooms;

/// <summary>A <see cref="RoomService"/> on a temporary database and a fake clock, with a catalogue of known lengths.</summary>
internal sealed class RoomRig : IDisposable
{
    private readonly TestState? _owned;

    /// <param name="sharing">Storage another rig uses too, as two bot instances would share a database.</param>
    public RoomRig(int tracksPerReply = 3, int maxQueue = 100, string provider = TestState.Sqlite, ITestOutputHelper? output = null, TestState? sharing = null)
    {
        _owned = sharing is null ? new TestState(provider, output) : null;
        State = (sharing ?? _owned!).Open();
        Catalogue.SetSource("test", [.. Tracks("calm", [100, 60, 80, 120]), .. Tracks("happy", [90, 70, 110])]);
        Memory = new ListeningMemory(new FeedbackStore(State), new PlayHistory(State, Time), Time, NullLogger<ListeningMemory>.Instance);
        var picker = new TrackPicker(
            Catalogue, Memory,
            Options.Create(new CatalogueOptions { TracksPerReply = tracksPerReply, NoRepeat = 0 }), new Random(5));
        var linker = new TrackLinker(new AudioLinkSigner(new byte[32], Time), Options.Create(new AudioOptions()), Options.Create(new WebOptions()));
        Rooms = new RoomService(
            new RoomStore(State), Hub, picker, linker, Catalogue, Time,
            Options.Create(new RoomOptions { MaxQueue = maxQueue }), NullLogger<RoomService>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 20, 0, 0, TimeSpan.Zero));

    public TrackCatalogue Catalogue { get; } = new();

    public RoomHub Hub { get; } = new();

    public StateStore State { get; }

    /// <summary>What the picker remembers of each room's plays (the database gets them written behind).</summary>
    public ListeningMemory Memory { get; }

    public RoomService Rooms { get; }

    public async Task<RoomState> StateOf(string slug) => (await Rooms.GetAsync(slug, CancellationToken.None))!;

    public static MoodReading Reading(string? mood) => TestReadings.Of(mood);

    public void Dispose()
    {
        Memory.Dispose();
        _owned?.Dispose();
    }

    private static IEnumerable<CatalogueEntry> Tracks(string mood, int[] seconds) =>
        seconds.Select((length, i) =>
        {
            var uri = TrackUri.Synth(mood, i + 1);
            return new CatalogueEntry(mood, new CatalogueTrack($"{mood} {i}", "Test", "CC0-1.0", length, uri.Value), uri);
        });
}
