using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MoodBot.Chat;
using MoodBot.Discord.Commands;
using MoodBot.Discord.Gateway;
using MoodBot.Discord.Interactions;
using MoodBot.Discord.Messages;
using MoodBot.Discord.Replies;
using MoodBot.Discord.Rest;
using MoodBot.Discord.Voice;

namespace MoodBot.Discord;

internal static class DiscordRegistration
{
    /// <summary>
    /// The Discord adapter: the gateway (with a token), the HTTP interactions endpoint (with a
    /// public key), and what both answer with. With neither configured it logs one line and idles.
    /// </summary>
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => new DiscordRestClient(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) },
            sp.GetRequiredService<IOptions<DiscordOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DiscordRestClient>>()));
        services.TryAddSingleton<IWebSocketConnector, ClientWebSocketConnector>();
        services.AddSingleton<IdentifyGate>();
        services.AddSingleton<DiscordSession>();
        services.AddSingleton<ReplyTasks>();

        services.AddSingleton<ReadingMessage>();
        services.AddSingleton<DiscordRooms>();
        services.AddSingleton<MoodReplies>();
        services.AddSingleton<RoomPlayback>();
        services.AddSingleton<MoodButtons>();
        services.AddSingleton<ISlashCommand, MoodCommand>();
        services.AddSingleton<ISlashCommand, PlayCommand>();
        services.AddSingleton<ISlashCommand, StopCommand>();
        services.AddSingleton<ISlashCommand, SkipCommand>();
        services.AddSingleton<ISlashCommand, QueueCommand>();
        services.AddSingleton<ISlashCommand, RoomCommand>();
        services.AddSingleton<ISlashCommand, LightsCommand>();
        services.AddSingleton<ISlashCommand, FeedbackCommand>();
        services.AddSingleton<InteractionRouter>();
        services.AddSingleton<InteractionResponder>();
        services.AddSingleton<InteractionSignature>();
        services.AddSingleton<CommandRegistrar>();

        services.AddSingleton<IGatewayEventHandler, ReadyHandler>();
        services.AddSingleton<IGatewayEventHandler, InteractionCreateHandler>();
        services.AddSingleton<IGatewayEventHandler, MentionHandler>();
        services.AddDiscordVoice();
        // A singleton too, so voice can send op 4 on the shard that carries a guild.
        services.AddSingleton<GatewayHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<GatewayHostedService>());
        return builder;
    }
}
