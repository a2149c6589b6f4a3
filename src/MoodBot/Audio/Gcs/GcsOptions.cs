using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MoodBot.Audio.Gcs;

/// <summary>
/// How MoodBot reaches Google Cloud Storage for <c>gs://</c> catalogue entries. With none of the
/// three access modes set, <c>gs://</c> entries are skipped with one warning.
/// </summary>
internal sealed class GcsOptions
{
    public const string Section = "Gcs";

    /// <summary>V4 signing refuses anything longer than 604800 s.</summary>
    public const string MaxSignedUrlExpiry = "7.00:00:00";

    public static readonly Uri GoogleBaseUri = new("https://storage.googleapis.com/storage/v1/");

    /// <summary>A service-account JSON key file; relative paths are from the content root.</summary>
    public string? CredentialsPath { get; set; }

    public bool UseApplicationDefaultCredentials { get; set; }

    /// <summary>List a public bucket without credentials; tracks are then served by their public URL, unsigned.</summary>
    public bool AnonymousAccess { get; set; }

    /// <summary>
    /// Short on purpose: a signed URL is a bearer token for the object until it expires. The
    /// upper bound is V4's own limit, so a bad value fails at start-up, not at the first track.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", MaxSignedUrlExpiry)]
    public TimeSpan SignedUrlExpiry { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The JSON API root; tests and emulators point it elsewhere.</summary>
    [Required]
    public Uri BaseUri { get; set; } = GoogleBaseUri;

    [Range(1, 1000)]
    public int ListPageSize { get; set; } = 1000;

    public string? CredentialsFile(string contentRoot) =>
        string.IsNullOrWhiteSpace(CredentialsPath) ? null : Path.GetFullPath(CredentialsPath, contentRoot);
}

[OptionsValidator]
internal sealed partial class GcsOptionsValidator : IValidateOptions<GcsOptions>;
