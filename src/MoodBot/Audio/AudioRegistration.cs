using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MoodBot.Audio.Catalogue;
using MoodBot.Audio.Gcs;
using MoodBot.Audio.Streaming;
using MoodBot.State;
using MoodBot.Web;

namespace MoodBot.Audio;

internal static class AudioRegistration
{
    /// <summary>The catalogue, the picker, the state it keeps and the signed links that stream it.</summary>
    public static IHostApplicationBuilder AddAudio(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var root = builder.Environment.ContentRootPath;
        services.AddOptions<CatalogueOptions>().BindConfiguration(CatalogueOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CatalogueOptions>, CatalogueOptionsValidator>();
        services.AddSingleton<IValidateOptions<CatalogueOptions>, CatalogueGcsFolderValidator>();
        services.AddOptions<AudioOptions>().BindConfiguration(AudioOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AudioOptions>, AudioOptionsValidator>();
        services.AddOptions<StateOptions>().BindConfiguration(StateOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StateOptions>, StateOptionsValidator>();
        services.AddSingleton<IValidateOptions<StateOptions>, StateProviderValidator>();
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => StateStore.Create(sp.GetRequiredService<IOptions<StateOptions>>().Value, root));
        services.AddSingleton<FeedbackStore>();
        services.AddSingleton<PlayHistory>();
        services.AddSingleton<ListeningMemory>();
        services.AddSingleton<ServerSettings>();
        services.AddSingleton(sp => CatalogueFileLoader.Load(
            sp.GetRequiredService<IOptions<CatalogueOptions>>().Value.FullPath(root),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<TrackCatalogue>()));
        services.AddSingleton(sp => new TrackPicker(
            sp.GetRequiredService<TrackCatalogue>(),
            sp.GetRequiredService<ListeningMemory>(),
            sp.GetRequiredService<IOptions<CatalogueOptions>>()));
        services.AddSingleton(sp => new AudioLinkSigner(
            AudioLinkKey.Resolve(sp.GetRequiredService<IOptions<AudioOptions>>().Value.LinkKey, sp.GetRequiredService<StateStore>().Directory),
            sp.GetRequiredService<TimeProvider>()));
        services.AddHttpContextAccessor();
        services.AddSingleton<TrackLinker>();
        services.AddSingleton<ReadingMusic>();
        services.AddSingleton<AudioStreamer>();
        services.AddSingleton<SoundscapeAudio>();
        services.AddHostedService<CatalogueSources>();
        services.AddHostedService<SoundscapePrerender>();
        builder.AddGcs();
        return builder;
    }
}
