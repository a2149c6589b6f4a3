using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MoodBot.Audio.Catalogue;
using MoodBot.Chat;
using MoodBot.Mood;
using MoodBot.Mood.Reading;

namespace MoodBot.Web.Api;

/// <summary>The JSON API the web page (and tests, and anyone) uses: read a mood, steer it, rate a track.</summary>
internal static class MoodApi
{
    public const string RateLimitPolicy = "api";
    public const int MaxTextChars = 10_000;

    public static IEndpointRouteBuilder MapMoodApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireRateLimiting(RateLimitPolicy);
        api.MapPost("/mood", ReadAsync)
            .WithSummary("Read the mood of a text, or steer the session's last reading with a follow-up")
            .WithDescription("Follow-ups such as \"calmer\", \"more upbeat\", \"less sad\" or \"something else\" move the last reading of the same session instead of reading a new mood.")
            .Accepts<MoodRequest>("application/json")
            .Produces<MoodReading>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .Produces<ApiError>(StatusCodes.Status413PayloadTooLarge)
            .Produces<ApiError>(StatusCodes.Status429TooManyRequests);
        api.MapPost("/feedback", FeedbackAsync)
            .WithSummary("Thumbs up or down for a track offered for a mood")
            .Accepts<FeedbackRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .Produces<ApiError>(StatusCodes.Status404NotFound);
        api.MapGet("/moods", ListMoods)
            .WithSummary("The 12 moods with the label, emoji and colour the page shows them with")
            .Produces<IReadOnlyList<MoodListing>>();
        return app;
    }

    private static async Task<IResult> ReadAsync(
        HttpContext context, MoodConversations conversations, ReadingMusic music)
    {
        var (request, error) = await JsonBody.ReadAsync(context, WebJsonContext.Default.MoodRequest);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(request!.Text))
        {
            return JsonBody.Problem(StatusCodes.Status400BadRequest, "\"text\" is empty. Say how you feel, in your own words.");
        }

        if (request.Text.Length > MaxTextChars)
        {
            return JsonBody.Problem(StatusCodes.Status400BadRequest, $"\"text\" has {request.Text.Length:N0} characters; the limit is {MaxTextChars:N0}.");
        }

        if (WebSessions.Normalise(request.Session) is not { } session)
        {
            return JsonBody.Problem(StatusCodes.Status400BadRequest, "\"session\" must be 1-64 letters, digits, '-' or '_'.");
        }

        var conversation = WebSessions.Conversation(session);
        var reading = music.AddTracks(await conversations.ReadAsync(conversation, request.Text, context.RequestAborted), conversation);
        conversations.Remember(conversation, reading);
        return Results.Json(reading, ReadingJsonContext.Default.MoodReading);
    }

    private static IResult ListMoods(MoodCatalog moods) =>
        Results.Json<IReadOnlyList<MoodListing>>(
            [.. moods.All.Select(m => new MoodListing(m.Id, m.Label, m.Emoji, m.Color))], WebJsonContext.Default.IReadOnlyListMoodListing);

    private static async Task<IResult> FeedbackAsync(HttpContext context, TrackFeedback feedback)
    {
        var (request, error) = await JsonBody.ReadAsync(context, WebJsonContext.Default.FeedbackRequest);
        if (error is not null)
        {
            return error;
        }

        if (request!.Mood is not { } mood || !MoodIds.IsKnown(mood) || request.Liked is not { } liked || string.IsNullOrEmpty(request.Track))
        {
            return JsonBody.Problem(StatusCodes.Status400BadRequest, "Send {\"track\": \"<a track id from a reading>\", \"mood\": \"<mood id>\", \"liked\": true|false}.");
        }

        return feedback.Vote(request.Track, mood, liked)
            ? Results.NoContent()
            : JsonBody.Problem(StatusCodes.Status404NotFound, "That track is not in the catalogue (any more).");
    }
}
