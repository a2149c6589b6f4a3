using System.Net;
using MoodBot.Audio.Catalogue;
using MoodBot.Audio.Streaming;
using MoodBot.Tests.Audio.Gcs;
using MoodBot.Tests.Web;

namespace MoodBot.Tests.Audio.Catalogue;

public sealed class CatalogueSourcesTests
{
    [Fact]
    public async Task GcsFolder_ListedTracksJoinTheCatalogue_AndTheirLinksRedirectToSignedUrls()
    {
        await using var api = await FakeGcsJsonApi.StartAsync();
        api.Add("moodbot-audio",
            new FakeGcsObject("moods/calm/tide.ogg", 1000, "audio/ogg", new Dictionary<string, string> { ["title"] = "Tide", ["artist"] = "Ana", ["duration_s"] = "201.5" }),
            new FakeGcsObject("moods/calm/cover.jpg", 10, "image/jpeg"));
        await using var bot = await RunningBot.StartAsync(
            "--Catalogue:GcsFolder=gs://moodbot-audio/moods",
            $"--Gcs:CredentialsPath={GcsReference.KeyFile}",
            $"--Gcs:BaseUri={api.BaseUri}");
        var catalogue = bot.Get<TrackCatalogue>();

        await RunningBot.WaitUntilAsync(() => catalogue.HasAny(TrackSourceKind.Gcs), "the bucket listing joined the catalogue");

        var tide = Assert.Single(catalogue.For("calm"), e => e.Location.Kind == TrackSourceKind.Gcs);
        Assert.Equal(("Tide", "Ana", 201.5, "gs://moodbot-audio/moods/calm/tide.ogg"), (tide.Track.Title, tide.Track.Artist, tide.Track.DurationSeconds, tide.Id));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = bot.Client.BaseAddress };
        using var response = await client.GetAsync(bot.LinkTo(tide));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var signed = response.Headers.Location!.ToString();
        Assert.StartsWith("https://storage.googleapis.com/moodbot-audio/moods/calm/tide.ogg?", signed);
        Assert.Contains("X-Goog-Signature=", signed);
        Assert.Contains("X-Goog-Expires=900", signed);
    }

    [Fact]
    public async Task NoCredentials_GsEntriesAreDroppedWithOneWarning_AndTheRestStillPlays()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("catalogue.json", """
            {"moods": {"calm": [
              {"title": "Bucket", "artist": "A", "licence": "CC0-1.0", "duration_s": 60, "uri": "gs://moodbot-audio/calm/a.ogg"},
              {"title": "Local", "artist": "A", "licence": "CC0-1.0", "duration_s": 60, "uri": "synth://calm?seed=5"}
            ]}}
            """);
        await using var bot = await RunningBot.StartAsync($"--Catalogue:Path={path}");
        var catalogue = bot.Get<TrackCatalogue>();

        await RunningBot.WaitUntilAsync(() => !catalogue.HasAny(TrackSourceKind.Gcs), "the gs:// entry was dropped");

        Assert.Equal(["Local"], catalogue.For("calm").Select(e => e.Track.Title));
        Assert.Single(bot.Logs.Warnings, w => w.Message.Contains("no Google Cloud credentials", StringComparison.Ordinal));
        Assert.Single(bot.Logs.Warnings, w => w.Message.Contains("1 gs:// entries skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListedLocalFiles_MissingOrDamagedOnesAreDroppedWithTheirReason()
    {
        using var dir = new TempDirectory();
        var fixtures = RepoPaths.File("tests", "MoodBot.Tests", "Audio", "Codecs", "Fixtures");
        File.Copy(Path.Combine(fixtures, "tone-44k-mono.mp3"), Path.Combine(dir.Path, "good.mp3"));
        File.Copy(Path.Combine(fixtures, "truncated-header.wav"), Path.Combine(dir.Path, "broken.wav"));
        var path = dir.Write("catalogue.json", """
            {"moods": {"calm": [
              {"title": "Good", "artist": "A", "licence": "CC0-1.0", "duration_s": 2, "uri": "good.mp3"},
              {"title": "Broken", "artist": "A", "licence": "CC0-1.0", "duration_s": 2, "uri": "broken.wav"},
              {"title": "Gone", "artist": "A", "licence": "CC0-1.0", "duration_s": 2, "uri": "gone.ogg"}
            ]}}
            """);
        await using var bot = await RunningBot.StartAsync($"--Catalogue:Path={path}");
        var catalogue = bot.Get<TrackCatalogue>();

        await RunningBot.WaitUntilAsync(() => catalogue.For("calm").Count == 1, "the unusable files were dropped");

        Assert.Equal("Good", catalogue.For("calm")[0].Track.Title);
        Assert.Single(bot.Logs.Warnings, w => w.Message.Contains("'Broken'", StringComparison.Ordinal));
        Assert.Single(bot.Logs.Warnings, w => w.Message.Contains("'Gone'", StringComparison.Ordinal));
    }
}
