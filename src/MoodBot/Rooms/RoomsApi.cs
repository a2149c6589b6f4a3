using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MoodBot.Chat;
using MoodBot.Lights;
using MoodBot.Lights.Links;
using MoodBot.Mood;
using MoodBot.Mood.Reading;
using MoodBot.Web.Api;

namespace MoodBot.Rooms;

/// <summary>Shared listening rooms over HTTP: create, look, post a mood, skip, and admin changes.</summary>
internal static class RoomsApi
{
    public const int MaxNameChars = 80;

    public static IEndpointRouteBuilder MapRooms(this IEndpointRouteBuilder app)
    {
        var rooms = app.MapGroup("/api/rooms").RequireRateLimiting(MoodApi.RateLimitPolicy).WithTags("Rooms");
        rooms.MapPost("/", CreateAsync)
            .WithSummary("Create a room; the answer holds its admin token and join link, shown only this once")
            .Accepts<CreateRoomRequest>("application/json")
            .Produces<CreatedRoom>(StatusCodes.Status201Created)
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .Produces<ApiError>(StatusCodes.Status413PayloadTooLarge);
        rooms.MapGet("/{slug}", GetAsync)
            .WithSummary("The room now: the track playing and where in it, the queue, the listeners")
            .WithDescription("A private room needs ?token= from its join link (or the admin token); without it the room is 404.")
            .Produces<RoomState>()
            .Produces<ApiError>(StatusCodes.Status404NotFound);
        rooms.MapPatch("/{slug}", UpdateAsync)
            .WithSummary("Rename or lock the room (admin: Authorization: Bearer <admin token>)")
            .Accepts<UpdateRoomRequest>("application/json")
            .Produces<RoomState>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .Produces<ApiError>(StatusCodes.Status401Unauthorized)
            .Produces<ApiError>(StatusCodes.Status403Forbidden)
            .Produces<ApiError>(StatusCodes.Status404NotFound);
        rooms.MapDelete("/{slug}", DeleteAsync)
            .WithSummary("Delete the room with its queue and links (admin)")
            .Produces(StatusCodes.Status204NoContent)
            .Produces<ApiError>(StatusCodes.Status401Unauthorized)
            .Produces<ApiError>(StatusCodes.Status403Forbidden)
            .Produces<ApiError>(StatusCodes.Status404NotFound);
        rooms.MapPost("/{slug}/mood", MoodAsync)
            .WithSummary("Read a mood (as POST /api/mood) and queue its tracks in the room; the room plays on in that mood")
            .Accepts<MoodRequest>("application/json")
            .Produces<MoodReading>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .Produces<ApiError>(StatusCodes.Status404NotFound)
            .Produces<ApiError>(StatusCodes.Status409Conflict)
            .Produces<ApiError>(StatusCodes.Status423Locked);
        rooms.MapPost("/{slug}/skip", SkipAsync)
            .WithSummary("Skip (or, with more than two listeners, vote to skip) the track playing")
            .WithDescription("track_id is the now_playing.id the caller saw; if it already changed, nothing happens and the current state comes back.")
            .Accepts<SkipRequest>("application/json")
            .Produces<RoomState>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .Produces<ApiError>(StatusCodes.Status404NotFound)
            .Produces<ApiError>(StatusCodes.Status423Locked);
        rooms.MapPost("/{slug}/clear", ClearAsync)
            .WithSummary("Empty the queue and stop autoplay until the next mood (admin)")
            .Produces<RoomState>()
            .Produces<ApiError>(StatusCodes.Status401Unauthorized)
            .Produces<ApiError>(StatusCodes.Status403Forbidden)
            .Produces<ApiError>(StatusCodes.Status404NotFound);
        rooms.MapGet("/{slug}/events", RoomEvents.Stream)
            .WithSummary("Server-sent events: 'state' on connect and on every change, 'position' as a heartbeat, 'deleted' at the end")
            .Produces<RoomState>(StatusCodes.Status200OK, "text/event-stream")
            .Produces<ApiError>(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>The room and who the request speaks for, or the 404 that hides a private room from strangers.</summary>
    public static (RoomRecord? Room, RoomAccess Access, IResult? Error) Resolve(string slug, HttpContext context, RoomService rooms)
    {
        var room = RoomSlug.IsValid(slug) ? rooms.Find(slug) : null;
        var access = room is null ? RoomAccess.None : RoomAccessCheck.Of(room, context);
        return access == RoomAccess.None
            ? (null, access, JsonBody.Problem(StatusCodes.Status404NotFound, $"There is no room '{slug}' (a private room needs the token from its join link)."))
            : (room, access, null);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, RoomService rooms)
    {
        var (request, error) = await JsonBody.ReadAsync(context, RoomsJsonContext.Default.CreateRoomRequest);
        if (error is not null)
        {
            return error;
        }

        if (NameProblem(request!.Name) is { } problem)
        {
            return problem;
        }

        var (room, adminToken, joinToken) = rooms.Create(request.Name!.Trim(), request.Private ?? false);
        var joinUrl = joinToken is null ? $"/rooms/{room.Slug}" : $"/rooms/{room.Slug}?token={joinToken}";
        context.Response.Headers.Location = $"/api/rooms/{room.Slug}";
        return Results.Json(
            new CreatedRoom(room.Slug, room.Name, room.Private, adminToken, joinUrl),
            RoomsJsonContext.Default.CreatedRoom,
            statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetAsync(string slug, HttpContext context, RoomService rooms)
    {
        var (room, _, error) = Resolve(slug, context, rooms);
        return error ?? StateOrGone(await rooms.GetAsync(room!.Slug, context.RequestAborted), slug);
    }

    private static async Task<IResult> UpdateAsync(string slug, HttpContext context, RoomService rooms)
    {
        var (room, error) = ResolveAdmin(slug, context, rooms);
        if (error is not null)
        {
            return error;
        }

        var (request, bodyError) = await JsonBody.ReadAsync(context, RoomsJsonContext.Default.UpdateRoomRequest);
        if (bodyError is not null)
        {
            return bodyError;
        }

        if (request!.Name is not null && NameProblem(request.Name) is { } problem)
        {
            return problem;
        }

        var update = await rooms.UpdateAsync(room!.Slug, request.Name?.Trim(), request.Locked, context.RequestAborted);
        return StateOrGone(update.State, slug);
    }

    private static async Task<IResult> DeleteAsync(string slug, HttpContext context, RoomService rooms)
    {
        var (room, error) = ResolveAdmin(slug, context, rooms);
        return error ?? (await rooms.DeleteAsync(room!.Slug, context.RequestAborted) ? Results.NoContent() : Gone(slug));
    }

    private static async Task<IResult> ClearAsync(string slug, HttpContext context, RoomService rooms)
    {
        var (room, error) = ResolveAdmin(slug, context, rooms);
        return error ?? StateOrGone((await rooms.ClearAsync(room!.Slug, context.RequestAborted)).State, slug);
    }

    private static async Task<IResult> MoodAsync(
        string slug, HttpContext context, RoomService rooms, MoodConversations conversations, MoodLights lights)
    {
        var (room, access, error) = Resolve(slug, context, rooms);
        if (error is not null)
        {
            return error;
        }

        if (room!.Locked && access != RoomAccess.Admin)
        {
            return LockedProblem();
        }

        var (request, bodyError) = await JsonBody.ReadAsync(context, WebJsonContext.Default.MoodRequest);
        if (bodyError is not null)
        {
            return bodyError;
        }

        if (string.IsNullOrWhiteSpace(request!.Text) || request.Text.Length > MoodApi.MaxTextChars)
        {
            return JsonBody.Problem(StatusCodes.Status400BadRequest, $"\"text\" must say how you feel, in 1 to {MoodApi.MaxTextChars:N0} characters.");
        }

        if (WebSessions.Normalise(request.Session) is not { } session)
        {
            return JsonBody.Problem(StatusCodes.Status400BadRequest, "\"session\" must be 1-64 letters, digits, '-' or '_'.");
        }

        // As on /api/mood, "calmer" or "something else" steers this session's last reading.
        var conversation = WebSessions.Conversation(session);
        var reading = await conversations.ReadAsync(conversation, request.Text, context.RequestAborted);
        var update = await rooms.AddAsync(room.Slug, reading, access == RoomAccess.Admin, context.RequestAborted);
        switch (update.Outcome)
        {
            case RoomOutcome.NotFound:
                return Gone(slug);
            case RoomOutcome.Locked:
                return LockedProblem();
            case RoomOutcome.QueueFull:
                return JsonBody.Problem(StatusCodes.Status409Conflict, "The room's queue is full; skip or wait for some tracks to play first.");
        }

        reading = reading with { Tracks = update.Added };
        conversations.Remember(conversation, reading);

        // Returns at once: the bridges are told in the background, never holding up the answer.
        var status = lights.Show([LightPlace.Room(room.Slug)], reading);
        return Results.Json(reading with { Lights = status }, ReadingJsonContext.Default.MoodReading);
    }

    private static async Task<IResult> SkipAsync(string slug, HttpContext context, RoomService rooms)
    {
        var (room, access, error) = Resolve(slug, context, rooms);
        if (error is not null)
        {
            return error;
        }

        var (request, bodyError) = await JsonBody.ReadAsync(context, RoomsJsonContext.Default.SkipRequest);
        if (bodyError is not null)
        {
            return bodyError;
        }

        if (request!.TrackId is not { } trackId)
        {
            return JsonBody.Problem(StatusCodes.Status400BadRequest, "Send {\"track_id\": <now_playing.id>, \"session\": \"<your session id>\"}.");
        }

        if (WebSessions.Normalise(request.Session) is not { } session)
        {
            return JsonBody.Problem(StatusCodes.Status400BadRequest, "\"session\" must be 1-64 letters, digits, '-' or '_'.");
        }

        var update = await rooms.SkipAsync(room!.Slug, trackId, session, access == RoomAccess.Admin, context.RequestAborted);
        return update.Outcome == RoomOutcome.Locked ? LockedProblem() : StateOrGone(update.State, slug);
    }

    /// <summary>Admin endpoints: 404 as for anyone, then 401 without a bearer token and 403 with a wrong one.</summary>
    public static (RoomRecord? Room, IResult? Error) ResolveAdmin(string slug, HttpContext context, RoomService rooms)
    {
        var (room, access, error) = Resolve(slug, context, rooms);
        if (error is not null)
        {
            return (null, error);
        }

        if (access == RoomAccess.Admin)
        {
            return (room, null);
        }

        if (RoomAccessCheck.BearerToken(context) is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return (null, JsonBody.Problem(StatusCodes.Status401Unauthorized, "This needs the room's admin token: send Authorization: Bearer <admin token>."));
        }

        return (null, JsonBody.Problem(StatusCodes.Status403Forbidden, "That is not this room's admin token."));
    }

    private static IResult? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameChars || name.Any(char.IsControl)
            ? JsonBody.Problem(StatusCodes.Status400BadRequest, $"\"name\" must be 1 to {MaxNameChars} characters, without control characters.")
            : null;

    private static IResult LockedProblem() =>
        JsonBody.Problem(StatusCodes.Status423Locked, "This room is locked: only its admins can add music or skip.");

    private static IResult StateOrGone(RoomState? state, string slug) =>
        state is null ? Gone(slug) : Results.Json(state, RoomsJsonContext.Default.RoomState);

    // The room went between the access check and the change (deleted by an admin meanwhile).
    private static IResult Gone(string slug) => JsonBody.Problem(StatusCodes.Status404NotFound, $"There is no room '{slug}'.");
}
