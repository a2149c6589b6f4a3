using MoodBot.Audio.Catalogue;
using MoodBot.Cli;

namespace MoodBot.Tests.Audio.Catalogue;

public sealed class MusicFolderScannerTests : IDisposable
{
    private readonly TempDirectory _music = new();

    public MusicFolderScannerTests()
    {
        Put("calm", "tone-44k-mono.mp3");
        Put("calm", "tone-44k-mono.ogg");
        Put("calm", "not-audio.txt");
        Put("sad", "tone-44k-stereo.opus");
        Put("sad", "tone-16k-mono.flac");
        Put("sad", "truncated-header.wav");
        Put("happy", "tone-22k-mono-s16.wav");
    }

    [Fact]
    public void Scan_ReadsTagsAndDurations_AndNamesWhatItLeftOut()
    {
        var scan = MusicFolderScanner.Scan(_music.Path);

        Assert.Equal(["calm", "calm", "sad", "sad"], scan.Entries.Select(e => e.Mood));
        var opus = scan.Entries.Single(e => e.Location.Value.EndsWith(".opus", StringComparison.Ordinal));
        Assert.Equal(("Fixture Tone", "MoodBot Tests"), (opus.Track.Title, opus.Track.Artist));
        Assert.InRange(opus.Track.DurationSeconds, 0.95, 1.05);
        Assert.All(scan.Entries, e => Assert.StartsWith("file:///", e.Track.Uri));
        Assert.All(scan.Entries, e => Assert.True(e.Track.DurationSeconds > 0, e.Track.Title));
        Assert.Contains(scan.Skipped, s => s.Contains("'happy' is not a mood id", StringComparison.Ordinal));
        Assert.Contains(scan.Skipped, s => s.Contains("truncated-header.wav", StringComparison.Ordinal));
        Assert.DoesNotContain(scan.Skipped, s => s.Contains("not-audio.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CatalogueScan_WritesACatalogueThatReadsBackWithoutProblems()
    {
        var output = Path.Combine(_music.Path, "catalogue.json");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await CommandLine.RunAsync(["catalogue", "scan", "--folder", _music.Path, "--out", output], stdout, stderr);

        Assert.Equal(CommandLine.Ok, exit);
        Assert.Contains("Wrote 4 tracks in 2 moods", stdout.ToString());
        Assert.Contains("skipped", stderr.ToString());
        var read = CatalogueReader.Read(output);
        Assert.Empty(read.Problems);
        Assert.Equal(4, read.Entries.Count);
        Assert.All(read.Entries, e => Assert.True(File.Exists(e.Location.Value), e.Location.Value));
        Assert.Contains("\"uri\": \"calm/tone-44k-mono.mp3\"", await File.ReadAllTextAsync(output));
    }

    [Fact]
    public async Task CatalogueScan_MissingFolder_IsOneClearLine()
    {
        var stderr = new StringWriter();

        var exit = await CommandLine.RunAsync(["catalogue", "scan", "--folder", "/no/such/music"], new StringWriter(), stderr);

        Assert.Equal(CommandLine.Failed, exit);
        Assert.Equal("error: The music folder /no/such/music does not exist.", stderr.ToString().Trim());
    }

    public void Dispose() => _music.Dispose();

    private void Put(string mood, string fixture)
    {
        Directory.CreateDirectory(Path.Combine(_music.Path, mood));
        File.Copy(RepoPaths.File("tests", "MoodBot.Tests", "Audio", "Codecs", "Fixtures", fixture), Path.Combine(_music.Path, mood, fixture));
    }
}
