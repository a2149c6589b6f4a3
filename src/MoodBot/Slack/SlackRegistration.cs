using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MoodBot.Chat;
using MoodBot.Slack.SocketMode;
using MoodBot.Slack.WebApi;

namespace MoodBot.Slack;

internal static class SlackRegistration
{
    /// <summary>
    /// The Slack adapter: Socket Mode when an app-level token is set, the HTTP endpoints when a
    /// signing secret is; without a bot token neither runs, and one line says so.
    /// </summary>
    public static IHostApplicationBuilder AddSlack(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SlackWebClient(
            new HttpClient { Timeout = TimeSpan.FromSeconds(30) },
            sp.GetRequiredService<IOptions<SlackOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SlackWebClient>>()));
        services.AddSingleton<ResponseUrlBudget>();
        services.AddSingleton<SlackDeliveries>();
        services.AddSingleton<SlackLightsCommand>();
        services.AddSingleton<SlackMoodHandler>();
        services.AddSingleton<ISocketModeHandler, SlackEnvelopeHandler>();
        services.TryAddSingleton<IWebSocketConnector, ClientWebSocketConnector>();
        services.AddSingleton<SlackBackgroundWork>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackBackgroundWork>());
        services.AddHostedService<SocketModeHostedService>();
        return builder;
    }
}
