using Google.Apis.Auth.OAuth2;
using Google.Cloud.Storage.V1;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MoodBot.Audio.Gcs;

/// <summary>
/// Builds the storage client and signer once, on first use, from <see cref="GcsOptions"/>. Every
/// problem becomes an unavailable connection with one warning: gs:// never stops the host.
/// </summary>
internal sealed partial class GcsConnectionProvider : IDisposable
{
    public const string NoCredentialsMessage =
        "gs:// entries skipped: no Google Cloud credentials configured (set Gcs:CredentialsPath or Gcs:UseApplicationDefaultCredentials)";

    private readonly GcsOptions _options;
    private readonly string _contentRoot;
    private readonly TimeProvider _time;
    private readonly ILogger<GcsConnectionProvider> _logger;
    private readonly Lazy<Task<GcsConnection>> _connection;

    public GcsConnectionProvider(IOptions<GcsOptions> options, string contentRoot, TimeProvider time, ILogger<GcsConnectionProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _contentRoot = contentRoot;
        _time = time;
        _logger = logger;
        // Shared by every caller, so it runs without any one caller's token; callers wait with theirs.
        _connection = new Lazy<Task<GcsConnection>>(() => ConnectAsync(CancellationToken.None));
    }

    public Task<GcsConnection> GetAsync(CancellationToken cancellationToken) => _connection.Value.WaitAsync(cancellationToken);

    public void Dispose()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            _connection.Value.Result.Client?.Dispose();
        }
    }

    private async Task<GcsConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ConnectCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The task is shared and cached: a fault here would fail every later catalogue call, so
            // anything unforeseen (a credential type, a metadata server) becomes "unavailable" instead.
            // Only the type is logged, because credential parsers can quote the key file.
            Log.ConnectFailed(_logger, ex.GetType().Name);
            return GcsConnection.Unavailable("connecting to Google Cloud Storage failed");
        }
    }

    private async Task<GcsConnection> ConnectCoreAsync(CancellationToken cancellationToken)
    {
        var keyFile = _options.CredentialsFile(_contentRoot);
        if (keyFile is not null)
        {
            return await FromKeyFileAsync(keyFile, cancellationToken).ConfigureAwait(false);
        }

        if (_options.UseApplicationDefaultCredentials)
        {
            return await FromApplicationDefaultAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_options.AnonymousAccess)
        {
            Log.Anonymous(_logger);
            return new GcsConnection(await BuildClientAsync(null, cancellationToken).ConfigureAwait(false), null, PublicObjects: true, null);
        }

        Log.NoCredentials(_logger);
        return GcsConnection.Unavailable(NoCredentialsMessage);
    }

    private async Task<GcsConnection> FromKeyFileAsync(string keyFile, CancellationToken cancellationToken)
    {
        ServiceAccountCredential account;
        try
        {
            account = await CredentialFactory.FromFileAsync<ServiceAccountCredential>(keyFile, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException
            or ArgumentException or Newtonsoft.Json.JsonException or System.Security.Cryptography.CryptographicException)
        {
            // Only the exception type: parser messages can quote the file, and the file holds the private key.
            Log.KeyFileUnusable(_logger, keyFile, ex.GetType().Name);
            return GcsConnection.Unavailable($"the key file {keyFile} could not be loaded as a service-account key");
        }

        var client = await BuildClientAsync(account.ToGoogleCredential(), cancellationToken).ConfigureAwait(false);
        var signer = new GcsUrlSigner(UrlSigner.FromCredential(account), _options.SignedUrlExpiry, _time);
        Log.Connected(_logger, "service-account key file", account.Id);
        return new GcsConnection(client, signer, PublicObjects: false, null);
    }

    private async Task<GcsConnection> FromApplicationDefaultAsync(CancellationToken cancellationToken)
    {
        GoogleCredential credential;
        try
        {
            credential = await GoogleCredential.GetApplicationDefaultAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            Log.NoApplicationDefault(_logger, ex.GetType().Name);
            return GcsConnection.Unavailable("application default credentials were not found");
        }

        var client = await BuildClientAsync(credential, cancellationToken).ConfigureAwait(false);
        GcsUrlSigner? signer = null;
        try
        {
            signer = new GcsUrlSigner(UrlSigner.FromCredential(credential), _options.SignedUrlExpiry, _time);
        }
        catch (InvalidOperationException)
        {
            // User credentials (gcloud auth application-default login) list fine but cannot sign.
            Log.CannotSign(_logger, credential.UnderlyingCredential.GetType().Name);
        }

        Log.Connected(_logger, "application default credentials", credential.UnderlyingCredential.GetType().Name);
        return new GcsConnection(client, signer, PublicObjects: false, null);
    }

    private Task<StorageClient> BuildClientAsync(GoogleCredential? credential, CancellationToken cancellationToken) =>
        new StorageClientBuilder
        {
            BaseUri = _options.BaseUri.ToString(),
            Credential = credential,
            UnauthenticatedAccess = credential is null,
        }.BuildAsync(cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, NoCredentialsMessage)]
        public static partial void NoCredentials(ILogger logger);

        [LoggerMessage(2, LogLevel.Warning, "gs:// entries skipped: Gcs:CredentialsPath {Path} could not be loaded as a service-account key ({Error})")]
        public static partial void KeyFileUnusable(ILogger logger, string path, string error);

        [LoggerMessage(3, LogLevel.Warning, "gs:// entries skipped: Gcs:UseApplicationDefaultCredentials is set but no application default credentials were found ({Error})")]
        public static partial void NoApplicationDefault(ILogger logger, string error);

        [LoggerMessage(4, LogLevel.Warning, "gs:// objects can be listed but not signed: application default credentials of type {Type} cannot sign URLs (use a service account)")]
        public static partial void CannotSign(ILogger logger, string type);

        [LoggerMessage(5, LogLevel.Information, "gs:// catalogue entries use {Source} ({Identity})")]
        public static partial void Connected(ILogger logger, string source, string identity);

        [LoggerMessage(7, LogLevel.Warning, "gs:// entries skipped: setting up Google Cloud Storage failed ({Error})")]
        public static partial void ConnectFailed(ILogger logger, string error);

        [LoggerMessage(6, LogLevel.Information, "gs:// catalogue entries use anonymous access: public buckets only, URLs unsigned")]
        public static partial void Anonymous(ILogger logger);
    }
}
