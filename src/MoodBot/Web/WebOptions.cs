using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using MoodBot.Web.Admin;

namespace MoodBot.Web;

/// <summary>Where the host listens, and who may administer it.</summary>
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

    /// <summary>
    /// The site admin's secret (pairing Hue bridges, linking lights), sent as the
    /// <c>X-MoodBot-Admin</c> header. A credential: set it from the environment
    /// (<c>Web__AdminToken</c>) or user secrets, never in appsettings.json. Unset, only requests
    /// from the bot's own machine are the site admin.
    /// </summary>
    [AdminTokenLength]
    public string? AdminToken { get; set; }

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
