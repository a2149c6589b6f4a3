using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MoodBot.Chat;
using MoodBot.Slack.WebApi;

namespace MoodBot.Slack.SocketMode;

/// <summary>Runs the Socket Mode client for the life of the host when a bot and an app-level token are set.</summary>
internal sealed partial class SocketModeHostedService(
    IOptions<SlackOptions> options,
    SlackWebClient api,
    IWebSocketConnector connector,
    ISocketModeHandler handler,
    TimeProvider time,
    ILoggerFactory loggerFactory) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var logger = loggerFactory.CreateLogger<SocketModeHostedService>();
        if (!settings.IsEnabled)
        {
            Log.Disabled(logger);
            return;
        }

        if (!settings.SocketModeEnabled)
        {
            Log.HttpOnly(logger, settings.HttpModeEnabled);
            return;
        }

        var client = new SocketModeClient(api, connector, handler, settings, time, loggerFactory.CreateLogger<SocketModeClient>());
        try
        {
            await client.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // A bug in the adapter must not take the web page, the API and the rooms down with it.
            Log.Failed(logger, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Slack adapter disabled: no Slack:BotToken configured")]
        public static partial void Disabled(ILogger logger);

        [LoggerMessage(2, LogLevel.Information, "Slack Socket Mode off (no Slack:AppToken); HTTP endpoints on: {HttpMode}")]
        public static partial void HttpOnly(ILogger logger, bool httpMode);

        [LoggerMessage(3, LogLevel.Error, "Slack Socket Mode stopped after an unexpected error; the rest of MoodBot keeps running")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
