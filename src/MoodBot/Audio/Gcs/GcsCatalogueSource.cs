using System.Collections.Frozen;
using Google;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Cloud.Storage.V1;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MoodBot.Audio.Gcs;

/// <summary>
/// The <c>gs://</c> part of the audio catalogue: lists each mood's tracks under
/// <c>gs://bucket/prefix/&lt;mood_id&gt;/</c> and turns a track into a URL a player can fetch.
/// It never throws for storage trouble: a denied or unreachable bucket is one warning and no
/// tracks, so the reply still goes out with whatever the other sources have.
/// </summary>
internal sealed partial class GcsCatalogueSource(GcsConnectionProvider connections, IOptions<GcsOptions> options, ILogger<GcsCatalogueSource> logger)
{
    private static readonly FrozenSet<string> AudioExtensions =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase, ".ogg", ".opus", ".mp3", ".wav", ".flac");

    private readonly int _pageSize = options.Value.ListPageSize;

    /// <summary>False when gs:// entries are skipped (no credentials, unusable key); the reason was logged once.</summary>
    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken) =>
        (await connections.GetAsync(cancellationToken).ConfigureAwait(false)).IsAvailable;

    /// <summary>Each mood's audio objects under <paramref name="root"/>; every mood has an entry, empty on failure.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<GcsObject>>> ListAsync(
        GcsUri root, IEnumerable<string> moodIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(moodIds);
        var result = new Dictionary<string, IReadOnlyList<GcsObject>>(StringComparer.Ordinal);
        var client = (await connections.GetAsync(cancellationToken).ConfigureAwait(false)).Client;
        foreach (var moodId in moodIds)
        {
            // Without a client, or after one failure, the bucket is not asked again this round:
            // one warning (logged when connecting or below), not one per mood.
            if (client is null)
            {
                result[moodId] = [];
                continue;
            }

            var prefix = root.PrefixFor(moodId);
            try
            {
                result[moodId] = await ListPrefixAsync(client, root.Bucket, prefix, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsStorageFailure(ex, cancellationToken))
            {
                Log.ListFailed(logger, root.Bucket, prefix, Describe(ex));
                result[moodId] = [];
                client = null;
            }
        }

        return result;
    }

    /// <summary>A signed https URL for a <c>gs://</c> track, or null with the reason logged.</summary>
    public async Task<string?> TryResolveAsync(string gsUri, CancellationToken cancellationToken)
    {
        if (!GcsUri.TryParse(gsUri, allowEmptyObject: false, out var uri, out var error))
        {
            Log.BadUri(logger, error);
            return null;
        }

        var connection = await connections.GetAsync(cancellationToken).ConfigureAwait(false);
        if (!connection.IsAvailable)
        {
            // The warning was logged once when the connection was made; per track it is only debug noise.
            Log.ResolveUnavailable(logger, uri.ToString(), connection.UnavailableReason ?? "unavailable");
            return null;
        }

        if (connection.Signer is null)
        {
            if (connection.PublicObjects)
            {
                return PublicUrl(uri);
            }

            Log.ResolveUnavailable(logger, uri.ToString(), "the configured credential cannot sign URLs");
            return null;
        }

        try
        {
            return await connection.Signer.SignGetAsync(uri, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStorageFailure(ex, cancellationToken) || ex is InvalidOperationException)
        {
            // Signing through IAM (ADC on Compute Engine) is a network call that can be denied.
            Log.SignFailed(logger, uri.ToString(), Describe(ex));
            return null;
        }
    }

    internal static bool IsAudio(string name, string? contentType)
    {
        if (name.EndsWith('/'))
        {
            return false;
        }

        if (contentType is not null && (contentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)
            || contentType.Equals("application/ogg", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // Uploads without a type arrive as octet-stream; then the extension decides.
        var untyped = contentType is null || contentType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase);
        return untyped && AudioExtensions.Contains(Path.GetExtension(name));
    }

    private async Task<IReadOnlyList<GcsObject>> ListPrefixAsync(StorageClient client, string bucket, string prefix, CancellationToken cancellationToken)
    {
        var found = new List<GcsObject>();
        var listing = client.ListObjectsAsync(bucket, prefix, new ListObjectsOptions { PageSize = _pageSize });
        // Enumerating the objects follows nextPageToken until the listing ends.
        await foreach (var item in listing.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (IsAudio(item.Name, item.ContentType))
            {
                var metadata = item.Metadata is { Count: > 0 } m ? m.ToFrozenDictionary(StringComparer.Ordinal) : null;
                found.Add(new GcsObject(item.Bucket ?? bucket, item.Name, item.Size is { } size ? checked((long)size) : null, item.ContentType, metadata));
            }
        }

        return found;
    }

    private static bool IsStorageFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is GoogleApiException or TokenResponseException or HttpRequestException or IOException
        // A timeout inside the HTTP client, not the caller giving up.
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static string Describe(Exception ex) => ex switch
    {
        GoogleApiException { HttpStatusCode: System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.Unauthorized } api =>
            $"access denied (HTTP {(int)api.HttpStatusCode}); check the bucket's IAM for this identity",
        GoogleApiException { HttpStatusCode: System.Net.HttpStatusCode.NotFound } => "bucket not found (HTTP 404)",
        GoogleApiException api => $"HTTP {(int)api.HttpStatusCode} {api.Error?.Message}",
        // A deleted or disabled service-account key is refused by the token endpoint.
        TokenResponseException token => $"the credential was refused ({token.Error?.Error ?? "token error"})",
        OperationCanceledException => "timed out",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    /// <summary>Anonymous access means a public bucket, whose objects any player can fetch unsigned.</summary>
    private static string PublicUrl(GcsUri uri) =>
        "https://storage.googleapis.com/" + uri.Bucket + "/" + string.Join('/', uri.ObjectName.Split('/').Select(Uri.EscapeDataString));

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Listing gs://{Bucket}/{Prefix} failed: {Reason}; its tracks are left out and the other catalogue sources still play")]
        public static partial void ListFailed(ILogger logger, string bucket, string prefix, string reason);

        [LoggerMessage(2, LogLevel.Warning, "Not playing a catalogue entry: {Error}")]
        public static partial void BadUri(ILogger logger, string error);

        [LoggerMessage(3, LogLevel.Debug, "{Uri} not resolved: {Reason}")]
        public static partial void ResolveUnavailable(ILogger logger, string uri, string reason);

        [LoggerMessage(4, LogLevel.Warning, "Signing a URL for {Uri} failed: {Reason}; the track is skipped")]
        public static partial void SignFailed(ILogger logger, string uri, string reason);
    }
}
