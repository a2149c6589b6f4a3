using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MoodBot.Web.Admin;

/// <summary>
/// Who is the site admin, the person who runs the bot and owns its Hue lights: with
/// <c>Web:AdminToken</c> set, whoever sends it in <see cref="Header"/>; without it, only a request
/// from this machine that no proxy forwarded.
/// </summary>
internal static class AdminAccess
{
    public const string Header = "X-MoodBot-Admin";

    public const string NeedsToken =
        "This needs the site admin: send the Web:AdminToken the bot was started with in the X-MoodBot-Admin header (enter it on /admin/lights).";

    public const string NeedsLocal =
        "This needs the site admin: open the page on the bot's own machine (http://localhost), or start the bot with Web:AdminToken set and enter it on /admin/lights.";

    /// <summary>Every endpoint of the group needs the site admin.</summary>
    public static TBuilder RequireSiteAdmin<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, AdminAccessFilter>();

    /// <summary>Null when the request is the site admin; otherwise why not, and how to get access.</summary>
    public static string? Refusal(HttpContext context, string? adminToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!string.IsNullOrEmpty(adminToken))
        {
            return Matches(context.Request.Headers[Header].ToString(), adminToken) ? null : NeedsToken;
        }

        return IsLocal(context) ? null : NeedsLocal;
    }

    /// <summary>
    /// A loopback peer with no forwarding header, asking for a loopback host name from its own origin. A reverse proxy on the same host connects from
    /// loopback for every visitor, so a request it forwarded is not trusted as local; the headers
    /// are looked at only for being there, since their values can be made up by anyone.
    /// </summary>
    private static bool IsLocal(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null)
        {
            return false;
        }

        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        var headers = context.Request.Headers;
        return IPAddress.IsLoopback(remote)
            && !headers.ContainsKey("Forwarded")
            && !headers.ContainsKey("X-Forwarded-For")
            && !headers.ContainsKey("X-Forwarded-Host")
            && !headers.ContainsKey("X-Real-IP")
            && IsLoopbackHost(context.Request.Host.Host)
            && IsSameOrigin(context.Request);
    }

    // A page from anywhere can make a browser on this machine talk to localhost: by DNS rebinding
    // (its own name resolving to 127.0.0.1, so the Host header is that name) or by a cross-site
    // form post (its Origin). Neither may act as the local admin. With a token there is no such
    // hole: a custom header cannot be sent cross-site without CORS, which the host does not allow.
    private static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }

    // Constant time over the hashes, so neither the content nor the length of the token leaks through timing.
    private static bool Matches(string given, string expected) =>
        given.Length > 0 && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
