using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MoodBot.Lights.Bridges;
using MoodBot.Lights.Discovery;
using MoodBot.Lights.Links;
using MoodBot.Lights.Pairing;
using MoodBot.Web.Api;

namespace MoodBot.Web.Admin;

/// <summary>
/// The site admin's Hue lights (<c>/admin/lights</c>): the bridges paired and found, pairing one in
/// the background, forgetting one, and every chat place's links. All behind <see cref="AdminAccess"/>,
/// since the lights are the bot owner's; no answer ever holds a bridge's application key.
/// </summary>
internal static class AdminLightsApi
{
    public const string PairPath = "/api/admin/lights/pair";

    public static IEndpointRouteBuilder MapAdminLights(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/lights").RequireRateLimiting(MoodApi.RateLimitPolicy).WithTags("Admin").RequireSiteAdmin();
        admin.MapGet("/bridges", BridgesAsync)
            .WithSummary("The paired Hue bridges, and those discovery finds (site admin)")
            .Produces<AdminBridges>()
            .Produces<ApiError>(StatusCodes.Status403Forbidden);
        admin.MapDelete("/bridges/{id}", Forget)
            .WithSummary("Forget a paired bridge and every link to its rooms (site admin)")
            .Produces(StatusCodes.Status204NoContent)
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .Produces<ApiError>(StatusCodes.Status403Forbidden)
            .Produces<ApiError>(StatusCodes.Status404NotFound);
        admin.MapPost("/pair", PairAsync)
            .WithSummary("Start pairing with a bridge: press its link button, then poll GET /pair (site admin)")
            .Accepts<PairRequest>("application/json")
            .Produces<PairingStatus>(StatusCodes.Status202Accepted)
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .Produces<ApiError>(StatusCodes.Status403Forbidden)
            .Produces<ApiError>(StatusCodes.Status409Conflict);
        admin.MapGet("/pair", Progress)
            .WithSummary("The progress of the last pairing (site admin)")
            .Produces<PairingStatus>()
            .Produces<ApiError>(StatusCodes.Status403Forbidden)
            .Produces<ApiError>(StatusCodes.Status404NotFound);
        admin.MapGet("/links", LinksAsync)
            .WithSummary("Every paired bridge's rooms and zones, and the chat places linked to them (site admin)")
            .Produces<AdminLights>()
            .Produces<ApiError>(StatusCodes.Status403Forbidden);
        admin.MapDelete("/links", Unlink)
            .WithSummary("Unlink a Hue room or zone from a chat place: ?place=&bridge_id=&group_id= (site admin)")
            .Produces(StatusCodes.Status204NoContent)
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .Produces<ApiError>(StatusCodes.Status403Forbidden)
            .Produces<ApiError>(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> BridgesAsync(HttpContext context, HueBridgeStore store, HueDiscovery discovery)
    {
        var paired = store.All();
        var found = await discovery.DiscoverAsync(HueDiscovery.DefaultListen, context.RequestAborted);
        var candidates = found
            .Where(c => !paired.Any(p => p.Address == c.Address || string.Equals(p.Id, c.BridgeId, StringComparison.OrdinalIgnoreCase)))
            .Select(c => new AdminCandidate(c.Address.Authority, c.BridgeId, c.Source));
        return Results.Json(new AdminBridges([.. paired.Select(b => new AdminBridge(b.Id, b.Address.Authority))], [.. candidates]), AdminJsonContext.Default.AdminBridges);
    }

    private static IResult Forget(string id, HueBridgeStore store)
    {
        if (!HueCertificateCheck.IsBridgeId(id))
        {
            return JsonBody.Problem(StatusCodes.Status400BadRequest, $"'{id}' is not a bridge id (16 hex digits, as GET /api/admin/lights/bridges lists them).");
        }

        return store.Remove(id.ToLowerInvariant())
            ? Results.NoContent()
            : JsonBody.Problem(StatusCodes.Status404NotFound, $"No Hue bridge {id.ToLowerInvariant()} is paired.");
    }

    private static async Task<IResult> PairAsync(HttpContext context, LightsPairingJobs jobs)
    {
        var (request, error) = await JsonBody.ReadAsync(context, AdminJsonContext.Default.PairRequest);
        if (error is not null)
        {
            return error;
        }

        if (!HueAddress.TryParse(request!.Address, out var address, out var problem))
        {
            return JsonBody.Problem(StatusCodes.Status400BadRequest, "Send {\"address\": \"<the bridge's IP address>\"}: " + problem + ".");
        }

        if (request.BridgeId is { } id && !HueCertificateCheck.IsBridgeId(id))
        {
            return JsonBody.Problem(StatusCodes.Status400BadRequest, $"\"bridge_id\" '{id}' is not a bridge id (16 hex digits); leave it out if unknown.");
        }

        return jobs.TryStart(address, request.BridgeId?.ToLowerInvariant()) is { } started
            ? Results.Json(started, AdminJsonContext.Default.PairingStatus, statusCode: StatusCodes.Status202Accepted)
            : JsonBody.Problem(StatusCodes.Status409Conflict, $"A pairing with {jobs.Current?.Address} is still running; wait for it to end (GET {PairPath}).");
    }

    private static IResult Progress(LightsPairingJobs jobs) =>
        jobs.Current is { } status
            ? Results.Json(status, AdminJsonContext.Default.PairingStatus)
            : JsonBody.Problem(StatusCodes.Status404NotFound, "No pairing has been started since MoodBot started.");

    private static async Task<IResult> LinksAsync(HttpContext context, LightGroups groups, LightLinkStore links)
    {
        var list = groups.AnyPaired ? await groups.ListAsync(context.RequestAborted) : new HueGroupList([], []);
        return Results.Json(
            new AdminLights(
                [.. list.Groups.Select(g => new AdminGroup(g.BridgeId, g.GroupId, g.Name))],
                [.. links.All().Select(Link)],
                list.Problems),
            AdminJsonContext.Default.AdminLights);
    }

    private static IResult Unlink(HttpContext context, LightLinkStore links)
    {
        var query = context.Request.Query;
        var (place, bridgeId, groupId) = (query["place"].ToString(), query["bridge_id"].ToString(), query["group_id"].ToString());
        if (place.Length == 0 || bridgeId.Length == 0 || groupId.Length == 0)
        {
            return JsonBody.Problem(StatusCodes.Status400BadRequest, "Name the link: ?place=<place>&bridge_id=<bridge id>&group_id=<group id>, as GET /api/admin/lights/links lists them.");
        }

        return links.Unlink(place, bridgeId, groupId)
            ? Results.NoContent()
            : JsonBody.Problem(StatusCodes.Status404NotFound, "That Hue room or zone is not linked to that place.");
    }

    private static AdminLightLink Link(LightLink link)
    {
        var colon = link.Place.IndexOf(':', StringComparison.Ordinal);
        var (kind, name) = colon < 0 ? ("", link.Place) : (link.Place[..colon], link.Place[(colon + 1)..]);
        return new AdminLightLink(link.Place, kind, name, link.Target.BridgeId, link.Target.GroupId, link.Target.Name);
    }
}
