using MoodBot.Audio.Synth;
using MoodBot.Mood;

namespace MoodBot.Tests.Audio.Synth;

/// <summary>Every mood rendered once at production length (seed 1), shared by the synth tests so each loop is rendered only once.</summary>
public sealed class RenderedMoods
{
    public RenderedMoods()
    {
        Catalog = MoodCatalog.Load(RepoPaths.File("data", "moods.json"));
        var renderer = new SoundscapeRenderer();
        foreach (var mood in Catalog.All)
        {
            var request = SynthRequest.ForMood(mood, Seed);
            Requests[mood.Id] = request;
            Loops[mood.Id] = renderer.RenderLoop(request, CancellationToken.None);
        }
    }

    public const int Seed = 1;

    internal MoodCatalog Catalog { get; }

    internal Dictionary<string, SynthRequest> Requests { get; } = [];

    internal Dictionary<string, RenderedLoop> Loops { get; } = [];

    public static TheoryData<string> AllMoods => new(MoodIds.All);
}
