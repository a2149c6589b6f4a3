using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MoodBot.Discord.Gateway;

namespace MoodBot.Discord.Voice;

internal static class VoiceRegistration
{
    /// <summary>Voice channels: the gateway events, joining, the players and what the commands call.</summary>
    public static IServiceCollection AddDiscordVoice(this IServiceCollection services)
    {
        services.AddOptions<VoiceOptions>().BindConfiguration(VoiceOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<VoiceOptions>, VoiceOptionsValidator>();
        services.AddSingleton<VoiceStates>();
        services.AddSingleton<IVoiceStateSender, GatewayVoiceStateSender>();
        services.AddSingleton<VoiceConnections>();
        services.AddSingleton<VoiceTrackOpener>();
        services.AddSingleton<VoicePlayers>();
        services.AddSingleton<VoicePlayback>();
        services.AddSingleton<IGatewayEventHandler, VoiceStateUpdateHandler>();
        services.AddSingleton<IGatewayEventHandler, VoiceServerUpdateHandler>();
        services.AddSingleton<IGatewayEventHandler, GuildCreateVoiceHandler>();
        return services;
    }
}
