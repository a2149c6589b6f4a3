using System.Text.Json;
using Google.Cloud.Storage.V1;
using Microsoft.Extensions.Time.Testing;
using MoodBot.Audio.Gcs;
using Xunit.Abstractions;

namespace MoodBot.Tests.Audio.Gcs;

/// <summary>
/// Every signingV4Tests vector from Google's conformance suite, signed with the published dummy
/// key at the vector's timestamp, must give exactly the expected URL.
/// </summary>
public sealed class V4SigningConformanceTests(ITestOutputHelper output)
{
    private static List<string> Descriptions()
    {
        try
        {
            return [.. GcsReference.SigningVectors().Select(v => v.GetProperty("description").GetString()!)];
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            // One failing case that says why, rather than a theory that silently has no cases.
            return ["MISSING REFERENCE: " + ex.Message];
        }
    }

    /// <summary>
    /// Vectors the .NET library cannot reproduce through its public API, with the reason. They are
    /// checked by their own theory, so a library change that fixes one shows up as a failure there.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Divergences = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Hostname takes precendence over endpoint and emulator"] =
            "an explicit Options.WithHost replaces only the host: the client endpoint's scheme (http) and port (8080) stay, "
            + "and Options.WithPort(null) means 'use the default' so the port cannot be cleared; the signature itself matches",
    };

    /// <summary>STORAGE_EMULATOR_HOST makes the builder unauthenticated, and an unauthenticated client cannot sign.</summary>
    private const string EmulatorNote =
        "emulatorHostname expressed as the client BaseUri that STORAGE_EMULATOR_HOST would set "
        + "(the library's emulator mode drops credentials, so a client built from the variable cannot sign)";

    public static TheoryData<string> Supported() => Filter(d => !Divergences.ContainsKey(d));

    public static TheoryData<string> Diverging() => Filter(Divergences.ContainsKey);

    [Theory]
    [MemberData(nameof(Supported))]
    public void Sign_ConformanceVector_GivesExpectedUrl(string description)
    {
        var vector = Find(description);
        if (vector.TryGetProperty("emulatorHostname", out _))
        {
            output.WriteLine(EmulatorNote);
        }

        var actual = Sign(vector);
        output.WriteLine(actual);
        Assert.Equal(vector.GetProperty("expectedUrl").GetString(), actual);
    }

    [Theory]
    [MemberData(nameof(Diverging))]
    public void Sign_DocumentedDivergence_SignsTheSameRequestAtAnotherOrigin(string description)
    {
        output.WriteLine("Not reproducible through the public API: " + Divergences[description]);
        var expected = new Uri(Find(description).GetProperty("expectedUrl").GetString()!);
        var actual = new Uri(Sign(Find(description)));

        Assert.Equal(expected.PathAndQuery, actual.PathAndQuery);
        Assert.Equal(expected.Host, actual.Host);
        Assert.NotEqual(expected.GetLeftPart(UriPartial.Authority), actual.GetLeftPart(UriPartial.Authority));
    }

    [Fact]
    public void Vectors_EveryOne_IsSupportedOrADocumentedDivergence()
    {
        var all = GcsReference.SigningVectors().Select(v => v.GetProperty("description").GetString()!).ToList();

        Assert.Equal(29, all.Count);
        Assert.Empty(Divergences.Keys.Except(all));
        output.WriteLine($"{all.Count - Divergences.Count} of {all.Count} vectors reproduced exactly; {Divergences.Count} documented divergence(s).");
    }

    private static TheoryData<string> Filter(Func<string, bool> keep)
    {
        var data = new TheoryData<string>();
        foreach (var description in Descriptions().Where(keep))
        {
            data.Add(description);
        }

        return data;
    }

    private static JsonElement Find(string description)
    {
        var vector = GcsReference.SigningVectors().SingleOrDefault(v => v.GetProperty("description").GetString() == description);
        Assert.True(vector.ValueKind == JsonValueKind.Object, description);
        return vector;
    }

    private static string Sign(JsonElement vector)
    {
        var credential = GcsReference.Credential();
        var timestamp = DateTimeOffset.Parse(vector.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var time = new FakeTimeProvider(timestamp);

        var request = UrlSigner.RequestTemplate.FromBucket(vector.GetProperty("bucket").GetString())
            .WithObjectName(Optional(vector, "object"))
            .WithHttpMethod(new HttpMethod(vector.GetProperty("method").GetString()!))
            .WithRequestHeaders(Pairs(vector, "headers"))
            .WithQueryParameters(Pairs(vector, "queryParameters"));

        var options = UrlSigner.Options.FromDuration(TimeSpan.FromSeconds(vector.GetProperty("expiration").GetInt32()))
            .WithSigningVersion(SigningVersion.V4);
        if (Optional(vector, "scheme") is { } scheme)
        {
            options = options.WithScheme(scheme);
        }

        switch (Optional(vector, "urlStyle"))
        {
            case "VIRTUAL_HOSTED_STYLE":
                options = options.WithUrlStyle(UrlSigner.UrlStyle.VirtualHostedStyle);
                break;
            case "BUCKET_BOUND_HOSTNAME":
                options = options.WithBucketBoundHostname(vector.GetProperty("bucketBoundHostname").GetString());
                break;
        }

        if (Optional(vector, "hostname") is { } hostname)
        {
            // The signed host header carries no port; UrlSigner takes the port separately and puts it only in the URL.
            var colon = hostname.LastIndexOf(':');
            options = colon < 0
                ? options.WithHost(hostname)
                : options.WithHost(hostname[..colon]).WithPort(int.Parse(hostname[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }

        // A client endpoint (or the emulator host) reaches the signer through the client it configures.
        var endpoint = Optional(vector, "clientEndpoint") ?? Optional(vector, "emulatorHostname");
        var universe = Optional(vector, "universeDomain");
        UrlSigner signer;
        if (endpoint is not null || universe is not null)
        {
            var builder = new StorageClientBuilder { Credential = credential.ToGoogleCredential() };
            if (endpoint is not null)
            {
                builder.BaseUri = (endpoint.Contains("://", StringComparison.Ordinal) ? endpoint : "https://" + endpoint) + "/storage/v1/";
            }

            if (universe is not null)
            {
                builder.UniverseDomain = universe;
            }

            using var client = builder.Build();
            signer = client.CreateUrlSigner();
        }
        else
        {
            signer = UrlSigner.FromCredential(credential);
        }

        return GcsUrlSigner.WithTimeProvider(signer, time).Sign(request, options);
    }

    private static string? Optional(JsonElement vector, string name) =>
        vector.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static Dictionary<string, IEnumerable<string>> Pairs(JsonElement vector, string name) =>
        vector.TryGetProperty(name, out var value)
            ? value.EnumerateObject().ToDictionary(p => p.Name, p => (IEnumerable<string>)[p.Value.GetString()!], StringComparer.Ordinal)
            : [];
}
