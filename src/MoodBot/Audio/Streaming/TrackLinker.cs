using Microsoft.Extensions.Options;
using MoodBot.Audio.Catalogue;
using MoodBot.Mood.Reading;
using MoodBot.Web;

namespace MoodBot.Audio.Streaming;

/// <summary>
/// Turns a picked track into the link a person can press play on. Everything but plain https goes
/// through a signed <c>/audio/{token}</c> link: local files and soundscapes are served by this host,
/// and a bucket object gets a freshly signed short-lived URL each time the link is opened, so a
/// link posted in chat outlives the bucket URL's few minutes.
/// </summary>
internal sealed class TrackLinker(AudioLinkSigner signer, IOptions<AudioOptions> audio, IOptions<WebOptions> web)
{
    private readonly Uri _baseUri = WithTrailingSlash(string.IsNullOrWhiteSpace(audio.Value.PublicBaseUrl)
        ? web.Value.LocalBaseUri()
        : new Uri(audio.Value.PublicBaseUrl));

    public TrackLink Link(CatalogueEntry entry)
    {
        var track = entry.Track;
        var url = entry.Location.Kind == TrackSourceKind.Https
            ? entry.Location.Value
            : new Uri(_baseUri, "audio/" + signer.Sign(new AudioLink(entry.LinkKey, entry.Mood, (int)Math.Ceiling(track.DurationSeconds)), audio.Value.LinkLifetime)).ToString();
        return new TrackLink(entry.LinkKey, track.Title, track.Artist, track.DurationSeconds, track.Licence, url);
    }

    // Without it, "https://host/moodbot" + "audio/x" would resolve to "https://host/audio/x".
    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new UriBuilder(uri) { Path = uri.AbsolutePath + "/" }.Uri;
}
