namespace MoodBot.Audio.Catalogue;

/// <summary>What a catalogue file yielded: the usable entries and the ones skipped with their reasons.</summary>
internal sealed record LoadedCatalogue(IReadOnlyList<CatalogueEntry> Entries, IReadOnlyList<CatalogueProblem> Problems);
