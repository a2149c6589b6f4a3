using System.Collections.Frozen;

namespace MoodBot.Audio.Catalogue;

/// <summary>
/// The tracks available per mood, from every source. Sources arrive at different times (the file
/// at once, a bucket listing later), so the whole set is swapped atomically and readers never
/// see half an update.
/// </summary>
internal sealed class TrackCatalogue
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IReadOnlyList<CatalogueEntry>> _bySource = [];
    private volatile FrozenDictionary<string, CatalogueEntry[]> _byMood = FrozenDictionary<string, CatalogueEntry[]>.Empty;
    private volatile FrozenDictionary<string, CatalogueEntry> _byLinkKey = FrozenDictionary<string, CatalogueEntry>.Empty;

    public IReadOnlyList<CatalogueEntry> For(string mood) => _byMood.GetValueOrDefault(mood) ?? [];

    public int Count => _byMood.Values.Sum(tracks => tracks.Length);

    /// <summary>The entry a link names by its <see cref="CatalogueEntry.LinkKey"/>.</summary>
    public CatalogueEntry? Find(string linkKey) => _byLinkKey.GetValueOrDefault(linkKey);

    public bool HasAny(TrackSourceKind kind) => All.Any(entry => entry.Location.Kind == kind);

    public IEnumerable<CatalogueEntry> All => _byMood.Values.SelectMany(tracks => tracks);

    /// <summary>Sets the entries one source contributes, replacing what it gave before.</summary>
    public void SetSource(string source, IReadOnlyList<CatalogueEntry> entries)
    {
        lock (_gate)
        {
            _bySource[source] = entries;
            Rebuild();
        }
    }

    /// <summary>Drops the matching entries from every source (tracks that turned out unusable); returns how many.</summary>
    public int RemoveWhere(Func<CatalogueEntry, bool> unusable)
    {
        lock (_gate)
        {
            var removed = 0;
            foreach (var (source, entries) in _bySource.ToList())
            {
                var kept = entries.Where(e => !unusable(e)).ToList();
                removed += entries.Count - kept.Count;
                _bySource[source] = kept;
            }

            Rebuild();
            return removed;
        }
    }

    private void Rebuild()
    {
        // Order: sources in the order they were first added, entries in their file order; the
        // first entry with a given location wins, so a track listed twice is offered once.
        var all = _bySource.Values.SelectMany(list => list).DistinctBy(entry => (entry.Mood, entry.Id)).ToList();
        _byMood = all.GroupBy(entry => entry.Mood).ToFrozenDictionary(group => group.Key, group => group.ToArray());
        _byLinkKey = all.DistinctBy(entry => entry.LinkKey).ToFrozenDictionary(entry => entry.LinkKey);
    }
}
