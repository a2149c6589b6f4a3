using Microsoft.AspNetCore.Http;
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
internal sealed class TrackLinker(AudioLinkSigner signer, IOptions<AudioOptions> audio, IOptions<WebOptions> web, IHttpContextAccessor? http = null)
{
    private readonly Uri? _publicBase = string.IsNullOrWhiteSpace(audio.Value.PublicBaseUrl) ? null : WithTrailingSlash(new Uri(audio.Value.PublicBaseUrl));
    private readonly Uri _localBase = WithTrailingSlash(web.Value.LocalBaseUri());

    public TrackLink Link(CatalogueEntry entry)
    {
        var track = entry.Track;
        var url = entry.Location.Kind == TrackSourceKind.Https
            ? entry.Location.Value
            : new Uri(BaseUri(), "audio/" + signer.Sign(new AudioLink(entry.LinkKey, entry.Mood, (int)Math.Ceiling(track.DurationSeconds)), audio.Value.LinkLifetime)).ToString();
        return new TrackLink(entry.LinkKey, track.Title, track.Artist, track.DurationSeconds, track.Licence, url);
    }

    /// <summary>An absolute link to a page of this host (a room), on the same base as the music links.</summary>
    public Uri Absolute(string relativePath) => new(BaseUri(), relativePath.TrimStart('/'));

    /// <summary>
    /// The configured public address; else, inside a request, the address that request came to
    /// (so a phone on the LAN gets links it can open, and a test's port 0 becomes the real port);
    /// else the configured listen address (the command-line tools).
    /// </summary>
    private Uri BaseUri()
    {
        if (_publicBase is not null)
        {
            return _publicBase;
        }

        var request = http?.HttpContext?.Request;
        return request is { Host.HasValue: true }
            ? WithTrailingSlash(new Uri($"{request.Scheme}://{request.Host}{request.PathBase}"))
            : _localBase;
    }

    // Without it, "https://host/moodbot" + "audio/x" would resolve to "https://host/audio/x".
    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new UriBuilder(uri) { Path = uri.AbsolutePath + "/" }.Uri;
}
