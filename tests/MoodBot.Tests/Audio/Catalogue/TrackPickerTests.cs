using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MoodBot.Audio.Catalogue;
using MoodBot.State;

namespace MoodBot.Tests.Audio.Catalogue;

public sealed class TrackPickerTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TrackCatalogue _catalogue = new();
    private readonly FeedbackStore _feedback;
    private readonly PlayHistory _history;
    private readonly List<ListeningMemory> _memories = [];

    public TrackPickerTests()
    {
        var store = new StateStore(_dir.Path);
        _feedback = new FeedbackStore(store);
        _history = new PlayHistory(store, new FakeTimeProvider());
        _catalogue.SetSource("test", [.. Tracks("calm", 10), .. Tracks("sad", 4)]);
    }

    [Fact]
    public void Pick_PrimaryOnly_OffersTracksOfThatMood()
    {
        var picked = Picker().Pick(TestReadings.Of("calm"), "room");

        Assert.Equal(3, picked.Count);
        Assert.All(picked, p => Assert.Equal("calm", p.Mood));
        Assert.Equal(3, picked.Distinct().Count());
    }

    [Fact]
    public void Pick_WithSecondaryMood_AddsOneOfIt()
    {
        var picked = Picker().Pick(TestReadings.Of("calm", "sad"), "room");

        Assert.Equal(["calm", "calm", "sad"], picked.Select(p => p.Mood));
    }

    [Fact]
    public void Pick_NeverRepeatsTheRoomsLastTracksWhileOthersRemain()
    {
        var picker = Picker(tracksPerReply: 1, noRepeat: 5, seed: 3);
        var ids = Enumerable.Range(0, 60).Select(_ => picker.Pick(TestReadings.Of("calm"), "room").Single().Id).ToList();

        for (var i = 5; i < ids.Count; i++)
        {
            Assert.DoesNotContain(ids[i], ids.Skip(i - 5).Take(5));
        }

        // Another room has its own history.
        Assert.Single(picker.Pick(TestReadings.Of("calm"), "other-room"));
    }

    [Fact]
    public void Pick_WhenTheRoomHeardEverything_OffersNewSoundscapesOfTheMood()
    {
        var picker = Picker(tracksPerReply: 3, noRepeat: 10, seed: 1);
        var first = picker.Pick(TestReadings.Of("sad"), "room");

        var second = picker.Pick(TestReadings.Of("sad"), "room");

        Assert.Empty(first.Select(p => p.Id).Intersect(second.Select(p => p.Id)));
        Assert.Equal(TrackSourceKind.Https, second[0].Location.Kind);
        Assert.All(second.Skip(1), p => Assert.Equal(("sad", TrackSourceKind.Synth), (p.Location.SynthMood, p.Location.Kind)));
    }

    [Fact]
    public void Pick_FeedbackShiftsTheChoice()
    {
        for (var i = 0; i < 20; i++)
        {
            _feedback.Record(Tracks("calm", 10)[9].Id, "calm", liked: true);
            _feedback.Record(Tracks("calm", 10)[0].Id, "calm", liked: false);
        }

        var picker = Picker(tracksPerReply: 1, noRepeat: 0, seed: 11);
        var counts = Enumerable.Range(0, 2000)
            .Select(_ => picker.Pick(TestReadings.Of("calm"), "room").Single().Track.Title)
            .CountBy(title => title)
            .ToDictionary();

        Assert.True(counts.GetValueOrDefault("calm 9") > 5 * counts.GetValueOrDefault("calm 1"), string.Join(", ", counts));
        Assert.True(counts.GetValueOrDefault("calm 9") > 10 * counts.GetValueOrDefault("calm 0"), string.Join(", ", counts));
    }

    [Fact]
    public void Pick_MoodWithoutTracks_GetsAGeneratedSoundscape()
    {
        var picked = Picker().Pick(TestReadings.Of("angry"), "room");

        Assert.Equal(3, picked.Count);
        Assert.All(picked, p => Assert.Equal(("angry", TrackSourceKind.Synth), (p.Location.SynthMood, p.Location.Kind)));
    }

    [Fact]
    public void Pick_NoMood_OffersNothing()
    {
        Assert.Empty(Picker().Pick(TestReadings.Of(null), "room"));
    }

    public void Dispose()
    {
        _memories.ForEach(m => m.Dispose());
        _dir.Dispose();
    }

    private TrackPicker Picker(int tracksPerReply = 3, int noRepeat = 5, int seed = 7)
    {
        var memory = new ListeningMemory(_feedback, _history, TimeProvider.System, NullLogger<ListeningMemory>.Instance);
        _memories.Add(memory);
        return new(_catalogue, memory, Options.Create(new CatalogueOptions { TracksPerReply = tracksPerReply, NoRepeat = noRepeat }), new Random(seed));
    }

    private static CatalogueEntry[] Tracks(string mood, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new CatalogueEntry(
            mood,
            new CatalogueTrack($"{mood} {i}", "Test", "CC0-1.0", 60, $"https://example.org/{mood}/{i}.ogg"),
            new TrackUri(TrackSourceKind.Https, $"https://example.org/{mood}/{i}.ogg")))];
}
