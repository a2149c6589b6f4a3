using Microsoft.Extensions.Options;
using MoodBot.Mood.Reading;
using MoodBot.State;

namespace MoodBot.Audio.Catalogue;

/// <summary>
/// Chooses the tracks a reply offers: mostly the primary mood, one of the secondary mood when
/// there is one, never one of the room's recent tracks, liked tracks more often.
/// </summary>
internal sealed class TrackPicker(
    TrackCatalogue catalogue,
    ListeningMemory memory,
    IOptions<CatalogueOptions> options,
    Random? random = null)
{
    // Catalogue order is the curator's preference: each later place weighs a little less.
    private const double PositionDecay = 0.15;

    private readonly Random _random = random ?? Random.Shared;

    public IReadOnlyList<CatalogueEntry> Pick(MoodReading reading, string room) =>
        reading.Mood is null ? [] : Pick(reading.Mood, reading.SecondaryMood, room);

    /// <summary>Tracks for a mood without a fresh reading (a room playing on in the mood it was left in).</summary>
    public IReadOnlyList<CatalogueEntry> Pick(string mood, string? secondaryMood, string room)
    {
        var settings = options.Value;
        var recent = memory.Recent(room, settings.NoRepeat);
        var secondary = secondaryMood is { } second && second != mood ? 1 : 0;
        var picked = new List<CatalogueEntry>(settings.TracksPerReply);
        Choose(mood, Math.Max(1, settings.TracksPerReply - secondary), recent, picked);
        if (secondary == 1)
        {
            Choose(secondaryMood!, 1, recent, picked);
        }

        memory.Played(room, [.. picked.Select(entry => entry.Id)]);
        return picked;
    }

    /// <summary>Forgets what a room heard (the room is gone).</summary>
    public void Forget(string room) => memory.Forget(room);

    private void Choose(string mood, int count, IReadOnlyList<string> recent, List<CatalogueEntry> picked)
    {
        var tracks = catalogue.For(mood);
        var votes = memory.Votes(mood);
        var candidates = new List<(CatalogueEntry Entry, double Weight)>(tracks.Count);
        for (var i = 0; i < tracks.Count; i++)
        {
            var entry = tracks[i];
            if (!picked.Contains(entry))
            {
                candidates.Add((entry, votes.GetValueOrDefault(entry.Id).Weight / (1 + (PositionDecay * i))));
            }
        }

        // Fresh tracks first. When the room has heard them all, new soundscapes of the mood fill
        // the rest: generated music is endless, so nobody hears the same track again too soon.
        var fresh = candidates.Where(c => !recent.Contains(c.Entry.Id)).ToList();
        var before = picked.Count;
        TakeWeighted(fresh, count, picked);
        while (picked.Count - before < count)
        {
            picked.Add(Generated(mood, _random.Next(1, 1_000_000)));
        }
    }

    /// <summary>Weighted sampling without replacement.</summary>
    private void TakeWeighted(List<(CatalogueEntry Entry, double Weight)> pool, int count, List<CatalogueEntry> picked)
    {
        for (var n = 0; n < count && pool.Count > 0; n++)
        {
            var total = pool.Sum(c => c.Weight);
            var target = _random.NextDouble() * total;
            var index = 0;
            for (; index < pool.Count - 1; index++)
            {
                target -= pool[index].Weight;
                if (target < 0)
                {
                    break;
                }
            }

            picked.Add(pool[index].Entry);
            pool.RemoveAt(index);
        }
    }

    private static CatalogueEntry Generated(string mood, int seed)
    {
        var location = TrackUri.Synth(mood, seed);
        var title = $"{char.ToUpperInvariant(mood[0])}{mood[1..]} soundscape #{seed}";
        return new(mood, new CatalogueTrack(title, "MoodBot Synth", "CC0-1.0", CatalogueTrack.AssumedSeconds, location.Value), location);
    }
}
