namespace MoodBot.Audio.Catalogue;

/// <summary>What scanning a music folder found: tracks, and the files or folders it had to leave out.</summary>
internal sealed record MusicFolderScan(IReadOnlyList<CatalogueEntry> Entries, IReadOnlyList<string> Skipped);
