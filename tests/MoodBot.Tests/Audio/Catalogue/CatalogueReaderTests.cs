using MoodBot.Audio.Catalogue;
using MoodBot.Mood;

namespace MoodBot.Tests.Audio.Catalogue;

public sealed class CatalogueReaderTests
{
    private static readonly string[] Fragments = ["unsupported scheme", "duration_s", "unknown mood 'grumpy'", "unknown mood 'sadd'"];

    [Fact]
    public void Read_ShippedCatalogue_HasSeveralGeneratedTracksForEveryMoodAndNoProblems()
    {
        var catalogue = CatalogueReader.Read(RepoPaths.File("data", "catalogue.json"));

        Assert.Empty(catalogue.Problems);
        foreach (var mood in MoodIds.All)
        {
            var tracks = catalogue.Entries.Where(e => e.Mood == mood).ToList();
            Assert.True(tracks.Count >= 3, $"{mood} has {tracks.Count} tracks");
            Assert.All(tracks, t => Assert.Equal(TrackSourceKind.Synth, t.Location.Kind));
            Assert.All(tracks, t => Assert.Equal(mood, t.Location.SynthMood));
        }

        Assert.Equal(catalogue.Entries.Count, catalogue.Entries.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void Read_BadEntries_SkipsOnlyThoseAndNamesTheirLines()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("catalogue.json", """
            {
              "moods": {
                "calm": [
                  {"title": "Good", "artist": "A", "licence": "CC0-1.0", "duration_s": 60, "uri": "music/calm/good.ogg"},
                  {"title": "Bad scheme", "artist": "A", "licence": "CC0-1.0", "duration_s": 60, "uri": "ftp://x/y.mp3"},
                  {"title": "Bad length", "artist": "A", "licence": "CC0-1.0", "duration_s": -1, "uri": "gs://bucket/calm/a.ogg"}
                ],
                "grumpy": [
                  {"title": "Nope", "artist": "A", "licence": "CC0-1.0", "duration_s": 60, "uri": "synth://calm"}
                ],
                "sad": [
                  {"title": "Rain", "artist": "A", "licence": "CC0-1.0", "duration_s": 60, "uri": "synth://sadd?seed=1"},
                  {"title": "Stream", "artist": "A", "licence": "CC-BY-4.0", "duration_s": 60, "uri": "https://example.org/sad.mp3"}
                ]
              }
            }
            """);

        var catalogue = CatalogueReader.Read(path);

        Assert.Equal(["Good", "Stream"], catalogue.Entries.Select(e => e.Track.Title));
        Assert.Equal(Path.Combine(dir.Path, "music", "calm", "good.ogg"), catalogue.Entries[0].Location.Value);
        Assert.Equal(
            [(5, "unsupported scheme"), (6, "duration_s"), (8, "unknown mood 'grumpy'"), (12, "unknown mood 'sadd'")],
            catalogue.Problems.Select(p => (p.Line, Fragment(p.Message))));
    }

    [Fact]
    public void Read_BrokenJson_FailsWithTheLine()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("catalogue.json", "{\n  \"moods\": {\n    \"calm\": [\n      {\"title\": \"x\",, }\n");

        var error = Assert.Throws<InvalidDataException>(() => CatalogueReader.Read(path));

        Assert.StartsWith($"{path} line 4:", error.Message);
        Assert.DoesNotContain("Path:", error.Message);
    }

    [Fact]
    public void Read_MissingRequiredField_FailsWithTheLine()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("catalogue.json", "{\"moods\": {\"calm\": [\n {\"title\": \"x\", \"artist\": \"a\", \"duration_s\": 3, \"uri\": \"synth://calm\"}\n]}}");

        var error = Assert.Throws<InvalidDataException>(() => CatalogueReader.Read(path));

        Assert.Contains("licence", error.Message);
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Read_MissingFile_SaysWhere()
    {
        var error = Assert.Throws<FileNotFoundException>(() => CatalogueReader.Read("/nowhere/catalogue.json"));
        Assert.Contains("/nowhere/catalogue.json", error.Message);
    }

    private static string Fragment(string message) => Fragments.FirstOrDefault(message.Contains) ?? message;
}
