using Microsoft.Extensions.Options;

namespace MoodBot.Audio.Gcs;

/// <summary>
/// The checks that span fields or touch the disk, which the generated validator cannot make: a
/// key file that is named must exist, and only one access mode may be chosen.
/// </summary>
internal sealed class GcsAccessValidator(string contentRoot) : IValidateOptions<GcsOptions>
{
    public ValidateOptionsResult Validate(string? name, GcsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        var file = options.CredentialsFile(contentRoot);
        if (file is not null && !File.Exists(file))
        {
            failures.Add($"Gcs:CredentialsPath names a key file that does not exist: {file}");
        }

        var modes = (file is null ? 0 : 1) + (options.UseApplicationDefaultCredentials ? 1 : 0) + (options.AnonymousAccess ? 1 : 0);
        if (modes > 1)
        {
            failures.Add("Choose one of Gcs:CredentialsPath, Gcs:UseApplicationDefaultCredentials and Gcs:AnonymousAccess.");
        }

        if (!options.BaseUri.IsAbsoluteUri || options.BaseUri.Scheme is not ("http" or "https"))
        {
            failures.Add($"Gcs:BaseUri must be an absolute http(s) URI, not '{options.BaseUri}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
