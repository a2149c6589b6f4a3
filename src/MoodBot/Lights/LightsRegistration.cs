using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MoodBot.Lights.Bridges;
using MoodBot.Lights.Commands;
using MoodBot.Lights.Discovery;
using MoodBot.Lights.Events;
using MoodBot.Lights.Links;
using MoodBot.Lights.Pairing;
using MoodBot.Lights.State;

namespace MoodBot.Lights;

internal static class LightsRegistration
{
    /// <summary>Philips Hue: paired bridges, links from chat places to Hue rooms, and the mood lights.</summary>
    public static IHostApplicationBuilder AddLights(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HueOptions>().BindConfiguration(HueOptions.Section).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HueBridgeStore>();
        services.AddSingleton<LightLinkStore>();
        services.TryAddSingleton(_ => HueTrustRoots.Hue);
        services.AddSingleton<HueConnections>();
        services.AddSingleton<HuePairing>();
        services.AddSingleton<HueDiscovery>();
        services.AddSingleton<MoodLights>();
        services.AddSingleton<LightGroups>();
        services.AddSingleton<LightLinking>();
        services.AddSingleton<HueBridgeCache>();
        services.AddSingleton<HueBridgeHealth>();
        services.AddSingleton<HueCommandQueues>();
        services.AddSingleton<HueBridgeMonitor>();
        services.AddHostedService<HueLightsHostedService>();
        return builder;
    }
}
