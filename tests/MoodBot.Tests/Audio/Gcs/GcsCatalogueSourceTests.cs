using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MoodBot.Audio.Gcs;

namespace MoodBot.Tests.Audio.Gcs;

public sealed class GcsCatalogueSourceTests : IAsyncLifetime, IDisposable
{
    private static readonly GcsUri Root = GcsUri.Parse("gs://moodbot-audio/moods/", allowEmptyObject: true);

    private readonly CollectingLoggerProvider _logs = new();
    private readonly List<IDisposable> _disposables = [];
    private FakeGcsJsonApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeGcsJsonApi.StartAsync();

    public async Task DisposeAsync()
    {
        _disposables.ForEach(d => d.Dispose());
        await _api.DisposeAsync();
    }

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task ListAsync_FiveObjectsPageSizeTwo_FollowsEveryPage()
    {
        _api.Add("moodbot-audio", [.. Enumerable.Range(1, 5).Select(i => new FakeGcsObject($"moods/joyful/{i}.ogg", 1000 + i, "audio/ogg"))]);
        var source = Create(Anonymous(pageSize: 2));

        var listed = await source.ListAsync(Root, ["joyful"], CancellationToken.None);

        Assert.Equal(["moods/joyful/1.ogg", "moods/joyful/2.ogg", "moods/joyful/3.ogg", "moods/joyful/4.ogg", "moods/joyful/5.ogg"],
            listed["joyful"].Select(o => o.Name));
        Assert.Equal([null, "2", "4"], _api.Requests.Select(r => r.Query.GetValueOrDefault("pageToken")));
        Assert.All(_api.Requests, r => Assert.Equal("2", r.Query["maxResults"]));
        Assert.Empty(_logs.Warnings);
    }

    [Fact]
    public async Task ListAsync_EachMood_AsksTheJsonApiForItsOwnPrefix()
    {
        _api.Add("moodbot-audio",
            new FakeGcsObject("moods/calm/rain.flac", 10, "audio/flac"),
            new FakeGcsObject("moods/joyful/sun.mp3", 20, "audio/mpeg"));
        var source = Create(Anonymous(pageSize: 50));

        var listed = await source.ListAsync(Root, ["joyful", "calm", "sad"], CancellationToken.None);

        Assert.Equal(["moods/joyful/sun.mp3"], listed["joyful"].Select(o => o.Name));
        Assert.Equal(["moods/calm/rain.flac"], listed["calm"].Select(o => o.Name));
        Assert.Empty(listed["sad"]);
        Assert.All(_api.Requests, r =>
        {
            Assert.Equal("GET", r.Method);
            Assert.Equal("/storage/v1/b/moodbot-audio/o", r.Path);
            Assert.Equal("50", r.Query["maxResults"]);
        });
        Assert.Equal(["moods/joyful/", "moods/calm/", "moods/sad/"], _api.Requests.Select(r => r.Query["prefix"]));
    }

    [Fact]
    public async Task ListAsync_MixedObjects_KeepsOnlyAudioWithItsMetadata()
    {
        _api.Add("moodbot-audio",
            new FakeGcsObject("moods/calm/", 0, "application/x-directory"),
            new FakeGcsObject("moods/calm/cover.jpg", 5, "image/jpeg"),
            new FakeGcsObject("moods/calm/notes.txt", 5, "text/plain"),
            new FakeGcsObject("moods/calm/mislabelled.mp3", 5, "text/plain"),
            new FakeGcsObject("moods/calm/untyped.opus", 7, "application/octet-stream"),
            new FakeGcsObject("moods/calm/no-type.wav", 8, null),
            new FakeGcsObject("moods/calm/waves.ogg", 123_456, "audio/ogg",
                new Dictionary<string, string> { ["title"] = "Waves", ["artist"] = "Shore", ["duration"] = "183.5" }));
        var source = Create(Anonymous());

        var calm = (await source.ListAsync(Root, ["calm"], CancellationToken.None))["calm"];

        Assert.Equal(["moods/calm/no-type.wav", "moods/calm/untyped.opus", "moods/calm/waves.ogg"], calm.Select(o => o.Name));
        var waves = calm[^1];
        Assert.Equal("moodbot-audio", waves.Bucket);
        Assert.Equal(123_456, waves.Size);
        Assert.Equal("audio/ogg", waves.ContentType);
        Assert.Equal("Waves", waves.Metadata!["title"]);
        Assert.Equal("183.5", waves.Metadata["duration"]);
        Assert.Null(calm[0].ContentType);
    }

    [Fact]
    public async Task ListAsync_BucketDenied_EmptyForEveryMoodWithOneWarning()
    {
        _api.Add("moodbot-audio", new FakeGcsObject("moods/joyful/a.ogg", 1, "audio/ogg"));
        _api.Deny("moodbot-audio");
        var source = Create(Anonymous());

        var listed = await source.ListAsync(Root, ["joyful", "calm", "sad"], CancellationToken.None);

        Assert.All(listed.Values, Assert.Empty);
        Assert.Equal(3, listed.Count);
        var warning = Assert.Single(_logs.Warnings);
        Assert.Contains("gs://moodbot-audio/moods/joyful/", warning.Message, StringComparison.Ordinal);
        Assert.Contains("access denied (HTTP 403)", warning.Message, StringComparison.Ordinal);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task ListAsync_MissingBucket_EmptyWithOneWarning()
    {
        var source = Create(Anonymous());

        var listed = await source.ListAsync(GcsUri.Parse("gs://no-such-bucket/x/", true), ["calm", "sad"], CancellationToken.None);

        Assert.All(listed.Values, Assert.Empty);
        Assert.Contains("bucket not found (HTTP 404)", Assert.Single(_logs.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_ServerUnreachable_EmptyWithOneWarning()
    {
        var source = Create(Anonymous(baseUri: new Uri($"http://127.0.0.1:{ClosedPort()}/storage/v1/")));

        var listed = await source.ListAsync(Root, ["joyful", "calm"], CancellationToken.None);

        Assert.All(listed.Values, Assert.Empty);
        Assert.Contains("gs://moodbot-audio/moods/joyful/", Assert.Single(_logs.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_NoCredentials_SkipsWithOneWarningAndNoRequest()
    {
        _api.Add("moodbot-audio", new FakeGcsObject("moods/joyful/a.ogg", 1, "audio/ogg"));
        var source = Create(new GcsOptions { BaseUri = _api.BaseUri });

        var first = await source.ListAsync(Root, ["joyful"], CancellationToken.None);
        var second = await source.ListAsync(Root, ["joyful", "calm"], CancellationToken.None);
        var url = await source.TryResolveAsync("gs://moodbot-audio/moods/joyful/a.ogg", CancellationToken.None);

        Assert.False(await source.IsAvailableAsync(CancellationToken.None));
        Assert.Empty(first["joyful"]);
        Assert.All(second.Values, Assert.Empty);
        Assert.Null(url);
        Assert.Equal(GcsConnectionProvider.NoCredentialsMessage, Assert.Single(_logs.Warnings).Message);
        Assert.Equal(
            "gs:// entries skipped: no Google Cloud credentials configured (set Gcs:CredentialsPath or Gcs:UseApplicationDefaultCredentials)",
            GcsConnectionProvider.NoCredentialsMessage);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task ListAsync_ServiceAccountKey_SendsAnAuthorizedRequest()
    {
        _api.Add("moodbot-audio", new FakeGcsObject("moods/joyful/a.ogg", 1, "audio/ogg"));
        var source = Create(new GcsOptions { BaseUri = _api.BaseUri, CredentialsPath = GcsReference.KeyFile });

        var listed = await source.ListAsync(Root, ["joyful"], CancellationToken.None);

        Assert.Single(listed["joyful"]);
        Assert.True(Assert.Single(_api.Requests).Authorized);
        Assert.Empty(_logs.Warnings);
    }

    [Fact]
    public async Task TryResolveAsync_ServiceAccountKey_GivesSignedUrlWithConfiguredExpiry()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        var source = Create(new GcsOptions { BaseUri = _api.BaseUri, CredentialsPath = GcsReference.KeyFile, SignedUrlExpiry = TimeSpan.FromMinutes(5) }, time);

        var url = await source.TryResolveAsync("gs://moodbot-audio/moods/calm/waves.ogg", CancellationToken.None);

        Assert.NotNull(url);
        Assert.StartsWith("https://storage.googleapis.com/moodbot-audio/moods/calm/waves.ogg?X-Goog-Algorithm=GOOG4-RSA-SHA256&", url, StringComparison.Ordinal);
        Assert.Contains("&X-Goog-Date=20261124T120000Z&X-Goog-Expires=300&", url, StringComparison.Ordinal);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task TryResolveAsync_AnonymousAccess_GivesThePublicUrl()
    {
        var source = Create(Anonymous());

        var url = await source.TryResolveAsync("gs://moodbot-audio/moods/calm/rain at night.ogg", CancellationToken.None);

        Assert.Equal("https://storage.googleapis.com/moodbot-audio/moods/calm/rain%20at%20night.ogg", url);
    }

    [Theory]
    [InlineData("https://example.com/a.ogg")]
    [InlineData("gs://moodbot-audio/")]
    [InlineData("gs://Bad_Bucket/a.ogg")]
    public async Task TryResolveAsync_NotATrackUri_NullWithTheReasonLogged(string value)
    {
        var source = Create(Anonymous());

        var url = await source.TryResolveAsync(value, CancellationToken.None);

        Assert.Null(url);
        Assert.Contains(value, Assert.Single(_logs.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplicationDefaultCredentials_FromTheEnvironment_ListAndSign()
    {
        _api.Add("moodbot-audio", new FakeGcsObject("moods/calm/rain.flac", 10, "audio/flac"));
        // Process-wide, but no other test asks for application default credentials.
        var previous = Environment.GetEnvironmentVariable("GOOGLE_APPLICATION_CREDENTIALS");
        Environment.SetEnvironmentVariable("GOOGLE_APPLICATION_CREDENTIALS", GcsReference.KeyFile);
        try
        {
            var source = Create(new GcsOptions { BaseUri = _api.BaseUri, UseApplicationDefaultCredentials = true });

            var listed = await source.ListAsync(Root, ["calm"], CancellationToken.None);
            var url = await source.TryResolveAsync("gs://moodbot-audio/moods/calm/rain.flac", CancellationToken.None);

            Assert.Single(listed["calm"]);
            Assert.True(Assert.Single(_api.Requests).Authorized);
            Assert.Contains("X-Goog-Expires=900", url, StringComparison.Ordinal);
            Assert.Empty(_logs.Warnings);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GOOGLE_APPLICATION_CREDENTIALS", previous);
        }
    }

    private GcsOptions Anonymous(int pageSize = 1000, Uri? baseUri = null) =>
        new() { BaseUri = baseUri ?? _api.BaseUri, AnonymousAccess = true, ListPageSize = pageSize };

    private GcsCatalogueSource Create(GcsOptions options, TimeProvider? time = null)
    {
        var factory = _logs.CreateFactory();
        var connections = new GcsConnectionProvider(Options.Create(options), RepoPaths.Root, time ?? TimeProvider.System, factory.CreateLogger<GcsConnectionProvider>());
        _disposables.Add(connections);
        _disposables.Add(factory);
        return new GcsCatalogueSource(connections, Options.Create(options), factory.CreateLogger<GcsCatalogueSource>());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
