using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.StaticFiles;
using MoodBot.Audio.Streaming;
using MoodBot.Discord.Interactions;
using MoodBot.Hosting;
using MoodBot.Rooms;
using MoodBot.Slack.Http;
using MoodBot.Web.Admin;
using MoodBot.Web.Api;
using MoodBot.Web.Page;

namespace MoodBot.Web;

/// <summary>The running bot: the services of <see cref="MoodBotRegistration"/> behind the host's own Kestrel.</summary>
internal static class MoodBotWebApp
{
    /// <param name="configure">Last changes before the build, e.g. a test's log collector.</param>
    public static WebApplication Create(string[] args, string? contentRoot = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = contentRoot ?? MoodBotPaths.FindRoot(),
            WebRootPath = ChatPage.WebRoot,
        });
        builder.WebHost.UseUrls(builder.Configuration[$"{WebOptions.Section}:{nameof(WebOptions.Urls)}"] ?? WebOptions.DefaultUrls);
        builder.AddMoodBot();
        builder.AddWeb();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = ChatPage.AddHeaders });
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapMoodApi();
        app.MapRooms();
        app.MapRoomLights();
        app.MapRoomPage();
        app.MapAdminLights();
        app.MapAdminLightsPage();
        app.MapAudio();
        app.MapDiscordInteractions();
        app.MapSlack();
        return app;
    }
}
