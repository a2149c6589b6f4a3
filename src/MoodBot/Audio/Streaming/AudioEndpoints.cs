using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MoodBot.Audio.Streaming;

internal static class AudioEndpoints
{
    public static IEndpointRouteBuilder MapAudio(this IEndpointRouteBuilder app)
    {
        app.MapGet("/audio/{token}", async (string token, AudioLinkSigner signer, AudioStreamer streamer, HttpContext context) =>
            signer.Verify(token, out var link) switch
            {
                AudioLinkStatus.Valid => await streamer.ServeAsync(link!, context),
                AudioLinkStatus.Expired => Results.Text("This music link has expired. Ask MoodBot again for a fresh one.\n", statusCode: StatusCodes.Status410Gone),
                _ => Results.Text("This is not a valid MoodBot music link.\n", statusCode: StatusCodes.Status403Forbidden),
            });
        return app;
    }
}
