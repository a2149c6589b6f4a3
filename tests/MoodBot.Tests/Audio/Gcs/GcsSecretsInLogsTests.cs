using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MoodBot.Audio.Gcs;

namespace MoodBot.Tests.Audio.Gcs;

/// <summary>Whatever happens to the key file, the private key and its id never reach a log line.</summary>
public sealed class GcsSecretsInLogsTests : IAsyncLifetime, IDisposable
{
    private readonly CollectingLoggerProvider _logs = new();
    private readonly TempDirectory _temp = new();
    private FakeGcsJsonApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeGcsJsonApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    public void Dispose()
    {
        _temp.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task KeyFile_ConnectSignAndDeniedListing_LogNoKeyMaterial()
    {
        _api.Deny("moodbot-audio");

        await Exercise(GcsReference.KeyFile);

        Assert.Single(_logs.Warnings);
        AssertNoSecrets();
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("not-json")]
    [InlineData("bad-key")]
    [InlineData("user-credential")]
    public async Task BrokenKeyFile_SkippedWithOneWarningAndNoKeyMaterial(string damage)
    {
        var text = File.ReadAllText(GcsReference.KeyFile);
        var json = JsonNode.Parse(text)!.AsObject();
        var broken = damage switch
        {
            // Cut inside the private key, so a parser error would sit right next to key material.
            "truncated" => text[..(text.IndexOf("PRIVATE KEY-----", StringComparison.Ordinal) + 400)],
            "not-json" => "private_key = " + GcsReference.PrivateKeyPem,
            "bad-key" => Set(json, "private_key", GcsReference.PrivateKeyPem.Replace("MII", "XXX", StringComparison.Ordinal)[..300]),
            _ => Set(json, "type", "authorized_user"),
        };
        var path = Path.Combine(_temp.Path, "key.json");
        File.WriteAllText(path, broken);

        var url = await Exercise(path);

        Assert.Null(url);
        Assert.Contains("could not be loaded as a service-account key", Assert.Single(_logs.Warnings).Message, StringComparison.Ordinal);
        AssertNoSecrets();
    }

    private async Task<string?> Exercise(string keyFile)
    {
        var options = new GcsOptions { BaseUri = _api.BaseUri, CredentialsPath = keyFile };
        using var factory = _logs.CreateFactory();
        using var connections = new GcsConnectionProvider(Options.Create(options), RepoPaths.Root, TimeProvider.System, factory.CreateLogger<GcsConnectionProvider>());
        var source = new GcsCatalogueSource(connections, Options.Create(options), factory.CreateLogger<GcsCatalogueSource>());

        await source.ListAsync(GcsUri.Parse("gs://moodbot-audio/moods/", true), ["calm"], CancellationToken.None);
        return await source.TryResolveAsync("gs://moodbot-audio/moods/calm/waves.ogg", CancellationToken.None);
    }

    private void AssertNoSecrets()
    {
        // Any 40-character run of the base64 body is enough to count as a leak.
        var body = string.Concat(GcsReference.PrivateKeyPem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)));
        var fragments = Enumerable.Range(0, body.Length / 40).Select(i => body.Substring(i * 40, 40)).Append(GcsReference.PrivateKeyId).ToList();
        Assert.NotEmpty(_logs.Entries);
        foreach (var entry in _logs.Entries)
        {
            var text = entry.ToString().Replace("\\n", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
            Assert.DoesNotContain(fragments, f => text.Contains(f, StringComparison.Ordinal));
            Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
        }
    }

    private static string Set(JsonObject json, string name, string value)
    {
        json[name] = value;
        return json.ToJsonString();
    }
}
