using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MoodBot.Lights;
using MoodBot.Lights.Links;
using MoodBot.Web.Admin;
using MoodBot.Web.Api;

namespace MoodBot.Rooms;

/// <summary>
/// A room's Hue lights, for its admins: the Hue rooms and zones the paired bridges offer, and
/// linking one so that the moods posted in the room set its lights. Both the room's admin token and
/// the site admin (<see cref="AdminAccess"/>) are needed. Listing asks the bridges (each
/// within the Hue client's short timeout); linking checks the group still exists there.
/// </summary>
internal static class RoomLightsApi
{
    public static IEndpointRouteBuilder MapRoomLights(this IEndpointRouteBuilder app)
    {
        var lights = app.MapGroup("/api/rooms/{slug}/lights").RequireRateLimiting(MoodApi.RateLimitPolicy).WithTags("Rooms")
            // The lights are the bot owner's, not a room creator's: anyone may create a room.
            .RequireSiteAdmin();
        lights.MapGet("/", GetAsync)
            .WithSummary("The Hue rooms and zones linked to the room, and those the paired bridges offer (admin)")
            .Produces<RoomLights>()
            .Produces<ApiError>(StatusCodes.Status401Unauthorized)
            .Produces<ApiError>(StatusCodes.Status403Forbidden)
            .Produces<ApiError>(StatusCodes.Status404NotFound);
        lights.MapPut("/{bridgeId}/{groupId}", LinkAsync)
            .WithSummary("Link a Hue room or zone: the moods posted in the room set its lights (admin)")
            .Produces(StatusCodes.Status204NoContent)
            .Produces<ApiError>(StatusCodes.Status401Unauthorized)
            .Produces<ApiError>(StatusCodes.Status403Forbidden)
            .Produces<ApiError>(StatusCodes.Status404NotFound)
            .Produces<ApiError>(StatusCodes.Status409Conflict)
            .Produces<ApiError>(StatusCodes.Status502BadGateway);
        lights.MapDelete("/{bridgeId}/{groupId}", Unlink)
            .WithSummary("Unlink a Hue room or zone from the room (admin)")
            .Produces(StatusCodes.Status204NoContent)
            .Produces<ApiError>(StatusCodes.Status401Unauthorized)
            .Produces<ApiError>(StatusCodes.Status403Forbidden)
            .Produces<ApiError>(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> GetAsync(string slug, HttpContext context, RoomService rooms, LightGroups groups, LightLinkStore links, MoodLights lights)
    {
        var (room, error) = RoomsApi.ResolveAdmin(slug, context, rooms);
        if (error is not null)
        {
            return error;
        }

        var linked = links.TargetsOf(LightPlace.Room(room!.Slug)).Select(t => Group(t) with { State = lights.Describe(t) }).ToList();
        if (!groups.AnyPaired)
        {
            return Results.Json(new RoomLights(false, linked, [], []), RoomsJsonContext.Default.RoomLights);
        }

        var list = await groups.ListAsync(context.RequestAborted);
        return Results.Json(new RoomLights(true, linked, [.. list.Groups.Select(Group)], list.Problems), RoomsJsonContext.Default.RoomLights);
    }

    private static async Task<IResult> LinkAsync(string slug, string bridgeId, string groupId, HttpContext context, RoomService rooms, LightGroups groups, LightLinkStore links)
    {
        var (room, error) = RoomsApi.ResolveAdmin(slug, context, rooms);
        if (error is not null)
        {
            return error;
        }

        if (!groups.AnyPaired)
        {
            return JsonBody.Problem(StatusCodes.Status409Conflict, LightLinking.NotSetUp + " " + LightLinking.HowToPair);
        }

        var list = await groups.ListAsync(context.RequestAborted);
        if (list.Named(bridgeId + "/" + groupId) is [var target] && target.BridgeId == bridgeId && target.GroupId == groupId)
        {
            links.Link(LightPlace.Room(room!.Slug), target);
            return Results.NoContent();
        }

        // Not found because its bridge did not answer is not the same as not there.
        return list.Problems.Count > 0
            ? JsonBody.Problem(StatusCodes.Status502BadGateway, "Not every Hue bridge answered: " + string.Join("; ", list.Problems))
            : JsonBody.Problem(StatusCodes.Status404NotFound, "No paired Hue bridge has that room or zone (any more).");
    }

    private static IResult Unlink(string slug, string bridgeId, string groupId, HttpContext context, RoomService rooms, LightLinkStore links)
    {
        var (room, error) = RoomsApi.ResolveAdmin(slug, context, rooms);
        if (error is not null)
        {
            return error;
        }

        return links.Unlink(LightPlace.Room(room!.Slug), bridgeId, groupId)
            ? Results.NoContent()
            : JsonBody.Problem(StatusCodes.Status404NotFound, "That Hue room or zone is not linked to this room.");
    }

    private static RoomLightGroup Group(LightTarget target) => new(target.BridgeId, target.GroupId, target.Name);
}
