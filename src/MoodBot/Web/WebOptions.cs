using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MoodBot.Web;

/// <summary>Where the host listens.</summary>
internal sealed class WebOptions
{
    public const string Section = "Web";
    public const string DefaultUrls = "http://localhost:5080";

    /// <summary>Semicolon-separated listen addresses, as Kestrel takes them.</summary>
    [Required]
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>API requests one client (by address) may make per minute before getting 429.</summary>
    [Range(1, 10_000_000)]
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>The first listen address as a browser would reach it on this machine.</summary>
    public Uri LocalBaseUri()
    {
        var first = Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? DefaultUrls;
        var builder = new UriBuilder(first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]")
        {
            builder.Host = "localhost";
        }

        return builder.Uri;
    }
}

[OptionsValidator]
internal sealed partial class WebOptionsValidator : IValidateOptions<WebOptions>;
