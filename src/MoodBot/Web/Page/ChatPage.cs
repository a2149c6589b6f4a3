using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace MoodBot.Web.Page;

/// <summary>The local chat page: static files from <c>Web/wwwroot</c>, no build step.</summary>
internal static class ChatPage
{
    /// <summary>
    /// The project's <c>Web/wwwroot</c> as copied next to the binary (the csproj lists it as content).
    /// The content root cannot be used: from a checkout it is the repository root, where data/ lives,
    /// while a published build has everything beside the binary. The build output is the one place
    /// that holds the page in both cases (and for the tests), so the page served is the page built.
    /// </summary>
    public static string WebRoot { get; } = Path.Combine(AppContext.BaseDirectory, "wwwroot");

    // The page needs nothing from elsewhere; music may be linked from other hosts (https:// entries,
    // signed bucket URLs), so media is the one exception. Scripts only from files: no inline code can run
    // even if text ever reached the DOM as markup.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' http: https:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void AddHeaders(StaticFileResponseContext context) => AddHeaders(context.Context.Response);

    /// <summary>The page's headers, for the static files and for pages served by an endpoint (a room's page).</summary>
    public static void AddHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        // Revalidate every time (the ETag makes that cheap), so a rebuilt page is never served stale.
        headers[HeaderNames.CacheControl] = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
    }
}
