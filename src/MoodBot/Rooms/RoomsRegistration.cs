using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MoodBot.Rooms;

internal static class RoomsRegistration
{
    /// <summary>Rooms, their store and who listens; the adapters to come share them with the web API.</summary>
    public static IHostApplicationBuilder AddRooms(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RoomOptions>().BindConfiguration(RoomOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RoomOptions>, RoomOptionsValidator>();
        services.AddSingleton<RoomStore>();
        services.AddSingleton<RoomLinkStore>();
        services.AddSingleton<RoomHub>();
        services.AddSingleton<RoomService>();
        services.Configure<JsonOptions>(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, RoomsJsonContext.Default));
        return builder;
    }
}
