using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MoodBot.Web.Page;

/// <summary><c>GET /rooms/{slug}</c>: the shared listening room's page, one file for every room.</summary>
internal static class RoomPage
{
    public const string FileName = "room.html";

    public static IEndpointRouteBuilder MapRoomPage(this IEndpointRouteBuilder app)
    {
        // The page is the same for every slug, known or not: whether a room exists (and whether a
        // private one may be seen) is answered by the API the page calls, so the page itself tells
        // a stranger nothing.
        app.MapGet("/rooms/{slug}", Serve).ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext context)
    {
        ChatPage.AddHeaders(context.Response);
        return Results.File(Path.Combine(ChatPage.WebRoot, FileName), "text/html; charset=utf-8");
    }
}
