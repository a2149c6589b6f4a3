using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MoodBot.Mood;
using MoodBot.Web;

namespace MoodBot.Hosting;

/// <summary>Loads the model before the first message arrives and says what is running.</summary>
internal sealed partial class MoodBotStartup(IMoodInterpreter interpreter, MoodCatalog catalog, IOptions<WebOptions> web, ILogger<MoodBotStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first reading also warms the JIT, so the first person does not wait for it.
        var reading = await interpreter.InterpretAsync("feeling pretty good today", cancellationToken);
        Log.Ready(logger, interpreter.Name, catalog.All.Count, reading.Mood ?? "none");
        Log.WebPage(logger, web.Value.LocalBaseUri());
        Log.SiteAdmin(logger, string.IsNullOrEmpty(web.Value.AdminToken)
            ? "from this machine only (no proxy); set Web:AdminToken to allow others"
            : "by the Web:AdminToken in the X-MoodBot-Admin header");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "MoodBot is ready: {Model} model, {Moods} moods (warm-up reading: {Mood})")]
        public static partial void Ready(ILogger logger, string model, int moods, string mood);

        // Discord and Slack each say for themselves whether they are on.
        [LoggerMessage(2, LogLevel.Information, "Talk to MoodBot in a browser at {Url}")]
        public static partial void WebPage(ILogger logger, Uri url);

        // Says how access works, never the token itself.
        [LoggerMessage(3, LogLevel.Information, "Hue lights are administered at /admin/lights, {Who}")]
        public static partial void SiteAdmin(ILogger logger, string who);
    }
}
