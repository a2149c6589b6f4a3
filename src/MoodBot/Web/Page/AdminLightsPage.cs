using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MoodBot.Web.Page;

/// <summary><c>GET /admin/lights</c>: pairing Hue bridges and their links, for the site admin.</summary>
internal static class AdminLightsPage
{
    public const string FileName = "admin-lights.html";

    public static IEndpointRouteBuilder MapAdminLightsPage(this IEndpointRouteBuilder app)
    {
        // The page itself holds nothing secret, and must load for a visitor to enter the admin
        // token; everything it shows comes from the API, which checks the site admin.
        app.MapGet("/admin/lights", Serve).ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext context)
    {
        ChatPage.AddHeaders(context.Response);
        return Results.File(Path.Combine(ChatPage.WebRoot, FileName), "text/html; charset=utf-8");
    }
}
