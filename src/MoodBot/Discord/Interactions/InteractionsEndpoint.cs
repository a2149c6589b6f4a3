using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoodBot.Discord.Rest;

namespace MoodBot.Discord.Interactions;

/// <summary>
/// <c>POST /discord/interactions</c>: Discord's alternative to the gateway for commands and
/// buttons. Signed by Discord (Ed25519); anything unsigned gets 401 and is logged without its body.
/// </summary>
internal static partial class InteractionsEndpoint
{
    public const string Path = "/discord/interactions";

    /// <summary>Interactions are a few KiB; a bigger body is not one.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapDiscordInteractions(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context, InteractionSignature signature, InteractionResponder responder, IHostApplicationLifetime lifetime, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(InteractionsEndpoint));
        if (!signature.IsEnabled)
        {
            return Results.NotFound();
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (!signature.Verify(context.Request.Headers[InteractionSignature.TimestampHeader], context.Request.Headers[InteractionSignature.SignatureHeader], body))
        {
            Log.BadSignature(logger, context.Connection.RemoteIpAddress?.ToString() ?? "?", body.Length);
            return Results.Text("invalid request signature", statusCode: StatusCodes.Status401Unauthorized);
        }

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body, InteractionJsonContext.Default.Interaction);
        }
        catch (JsonException ex)
        {
            Log.Malformed(logger, ex.Message);
            return Results.Text("not an interaction", statusCode: StatusCodes.Status400BadRequest);
        }

        if (interaction is null || responder.Accept(interaction) is not { } reply)
        {
            return Results.NoContent();
        }

        // The edit of the original response must come after Discord has this answer.
        context.Response.OnCompleted(() =>
        {
            responder.Finish(interaction, reply, lifetime.ApplicationStopping);
            return Task.CompletedTask;
        });
        return Results.Json(reply.Initial, DiscordJsonContext.Default.InteractionResponse);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Discord interaction from {Remote} refused: bad signature ({Bytes} bytes, body not logged)")]
        public static partial void BadSignature(ILogger logger, string remote, int bytes);

        [LoggerMessage(2, LogLevel.Warning, "Signed Discord interaction could not be read: {Reason}")]
        public static partial void Malformed(ILogger logger, string reason);
    }
}
