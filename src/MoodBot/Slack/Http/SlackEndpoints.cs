using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MoodBot.Slack.Payloads;

namespace MoodBot.Slack.Http;

/// <summary>
/// HTTP mode, for a bot with a public URL: the Events API, slash commands and interactivity
/// endpoints. Every request must carry a valid v0 signature from within the last 5 minutes (else
/// 401, and its body is not logged); each answers within Slack's 3 s and leaves posting to
/// <see cref="SlackBackgroundWork"/>. Without a signing secret the routes answer 404.
/// </summary>
internal static partial class SlackEndpoints
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        var slack = app.MapGroup("/slack").ExcludeFromDescription();
        slack.MapPost("/events", EventsAsync);
        slack.MapPost("/commands", CommandsAsync);
        slack.MapPost("/interactive", InteractiveAsync);
        return app;
    }

    private static async Task<IResult> EventsAsync(HttpContext context, SlackMoodHandler mood, SlackBackgroundWork background)
    {
        var (body, refusal) = await VerifiedBodyAsync(context);
        if (refusal is not null)
        {
            return refusal;
        }

        EventCallback? callback;
        try
        {
            callback = JsonSerializer.Deserialize(body, SlackJsonContext.Default.EventCallback);
        }
        catch (JsonException ex)
        {
            Log.Malformed(Logger(context), "/slack/events", ex.Message);
            return Results.BadRequest();
        }

        switch (callback)
        {
            case { Type: "url_verification", Challenge: { } challenge }:
                return Results.Json(new UrlVerificationAnswer(challenge), SlackJsonContext.Default.UrlVerificationAnswer);
            case { Type: "event_callback" }:
                if (context.Request.Headers["X-Slack-Retry-Num"] is [{ } retry])
                {
                    Log.Retry(Logger(context), retry, context.Request.Headers["X-Slack-Retry-Reason"].ToString());
                }

                background.Enqueue(ct => mood.EventAsync(callback, ct));
                return Results.Ok();
            default:
                return Results.Ok();
        }
    }

    private static async Task<IResult> CommandsAsync(
        HttpContext context, SlackMoodHandler mood, SlackBackgroundWork background, IOptions<SlackOptions> options, TimeProvider time)
    {
        var (body, refusal) = await VerifiedBodyAsync(context);
        if (refusal is not null)
        {
            return refusal;
        }

        var form = QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body));
        var command = SlashCommand.FromForm(name => form.TryGetValue(name, out var value) ? value.ToString() : null);
        // Not the request's token: a reply that misses the response still goes to response_url.
        var work = mood.CommandAsync(command, CancellationToken.None);
        try
        {
            var ack = await work.WaitAsync(options.Value.AckBudget, time, context.RequestAborted);
            return ack.Payload is { } reply ? Results.Json(reply, SlackJsonContext.Default.SlackReply) : Results.Ok();
        }
        catch (TimeoutException)
        {
            // Too slow for the response itself: answer empty now and send the reply to response_url.
            background.Enqueue(async ct =>
            {
                if (await work is { Payload: { } reply, Late: { } deliver })
                {
                    await deliver(reply, ct);
                }
            });
            return Results.Ok();
        }
    }

    private static async Task<IResult> InteractiveAsync(HttpContext context, SlackMoodHandler mood, SlackBackgroundWork background)
    {
        var (body, refusal) = await VerifiedBodyAsync(context);
        if (refusal is not null)
        {
            return refusal;
        }

        var form = QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body));
        BlockActions? actions;
        try
        {
            actions = form.TryGetValue("payload", out var payload) ? JsonSerializer.Deserialize(payload.ToString(), SlackJsonContext.Default.BlockActions) : null;
        }
        catch (JsonException ex)
        {
            Log.Malformed(Logger(context), "/slack/interactive", ex.Message);
            return Results.BadRequest();
        }

        if (actions is null)
        {
            Log.Malformed(Logger(context), "/slack/interactive", "no payload field");
            return Results.BadRequest();
        }

        background.Enqueue(ct => mood.ActionsAsync(actions, ct));
        return Results.Ok();
    }

    /// <summary>The raw body once its signature checks out; otherwise the answer to give (404 off, 401 bad, 413 too big).</summary>
    private static async Task<(byte[] Body, IResult? Refusal)> VerifiedBodyAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!options.HttpModeEnabled)
        {
            return ([], Results.NotFound());
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return ([], Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > MaxBodyBytes)
        {
            return ([], Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        var body = buffer.ToArray();
        var headers = context.Request.Headers;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!SlackSignature.IsValid(options.SigningSecret!, headers[SlackSignature.TimestampHeader].FirstOrDefault(),
                headers[SlackSignature.SignatureHeader].FirstOrDefault(), body, now, options.SignatureTolerance))
        {
            // Only the path: a forged body is not worth keeping, and a real one may hold personal text.
            Log.BadSignature(Logger(context), context.Request.Path.Value ?? "");
            return ([], Results.Unauthorized());
        }

        return (body, null);
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints).FullName!);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Slack request to {Path} refused: missing, stale or wrong signature")]
        public static partial void BadSignature(ILogger logger, string path);

        [LoggerMessage(2, LogLevel.Warning, "Slack request to {Path} could not be read ({Reason})")]
        public static partial void Malformed(ILogger logger, string path, string reason);

        [LoggerMessage(3, LogLevel.Debug, "Slack retried an event (X-Slack-Retry-Num {Retry}, {Reason})")]
        public static partial void Retry(ILogger logger, string retry, string reason);
    }
}
