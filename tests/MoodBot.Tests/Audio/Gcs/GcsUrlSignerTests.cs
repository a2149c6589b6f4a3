using System.Globalization;
using System.Web;
using Google.Cloud.Storage.V1;
using Microsoft.Extensions.Time.Testing;
using MoodBot.Audio.Gcs;

namespace MoodBot.Tests.Audio.Gcs;

public sealed class GcsUrlSignerTests
{
    private static readonly DateTimeOffset VectorTime = new(2019, 2, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SignGetAsync_SimpleGet_EqualsTheLibrarysUrl()
    {
        var time = new FakeTimeProvider(VectorTime);
        var signer = new GcsUrlSigner(UrlSigner.FromCredential(GcsReference.Credential()), TimeSpan.FromMinutes(15), time);

        var ours = await signer.SignGetAsync(new GcsUri("test-bucket", "test-object"), CancellationToken.None);
        var library = GcsUrlSigner.WithTimeProvider(UrlSigner.FromCredential(GcsReference.Credential()), time)
            .Sign("test-bucket", "test-object", TimeSpan.FromMinutes(15), HttpMethod.Get, SigningVersion.V4);

        Assert.Equal(library, ours);
        Assert.Equal("900", Query(ours)["X-Goog-Expires"]);
    }

    [Fact]
    public async Task SignGetAsync_SimpleGetVector_GivesTheVectorsUrl()
    {
        var vector = GcsReference.SigningVectors().Single(v => v.GetProperty("description").GetString() == "Simple GET");
        var signer = new GcsUrlSigner(UrlSigner.FromCredential(GcsReference.Credential()), TimeSpan.FromSeconds(10), new FakeTimeProvider(VectorTime));

        var url = await signer.SignGetAsync(new GcsUri("test-bucket", "test-object"), CancellationToken.None);

        Assert.Equal(vector.GetProperty("expectedUrl").GetString(), url);
    }

    [Fact]
    public async Task SignGetAsync_TimeMoves_SigningDateFollowsTheTimeProvider()
    {
        var time = new FakeTimeProvider(VectorTime);
        var signer = new GcsUrlSigner(UrlSigner.FromCredential(GcsReference.Credential()), TimeSpan.FromHours(1), time);
        var uri = new GcsUri("moodbot-audio", "moods/calm/waves.ogg");

        var before = Query(await signer.SignGetAsync(uri, CancellationToken.None));
        time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(30));
        var after = Query(await signer.SignGetAsync(uri, CancellationToken.None));

        Assert.Equal("20190201T090000Z", before["X-Goog-Date"]);
        Assert.Equal("20190202T093000Z", after["X-Goog-Date"]);
        Assert.Equal("3600", after["X-Goog-Expires"]);
        Assert.NotEqual(before["X-Goog-Signature"], after["X-Goog-Signature"]);
    }

    [Fact]
    public async Task SignGetAsync_SystemTime_SignsNow()
    {
        var signer = new GcsUrlSigner(UrlSigner.FromCredential(GcsReference.Credential()), TimeSpan.FromMinutes(15), TimeProvider.System);

        var date = Query(await signer.SignGetAsync(new GcsUri("moodbot-audio", "a.ogg"), CancellationToken.None))["X-Goog-Date"]!;

        var signedAt = DateTimeOffset.ParseExact(date, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(signedAt, TimeProvider.System.GetUtcNow().AddMinutes(-5), TimeProvider.System.GetUtcNow().AddMinutes(5));
    }

    private static System.Collections.Specialized.NameValueCollection Query(string url) => HttpUtility.ParseQueryString(new Uri(url).Query);
}
