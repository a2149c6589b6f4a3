using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MoodBot.Audio.Gcs;

internal static class GcsRegistration
{
    /// <summary>The gs:// catalogue source and its options (section "Gcs"); without credentials it stays registered and reports unavailable.</summary>
    public static IHostApplicationBuilder AddGcs(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<GcsOptions>()
            .BindConfiguration(GcsOptions.Section)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GcsOptions>, GcsOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<GcsOptions>>(new GcsAccessValidator(contentRoot));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new GcsConnectionProvider(
            sp.GetRequiredService<IOptions<GcsOptions>>(),
            contentRoot,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<GcsConnectionProvider>>()));
        builder.Services.AddSingleton<GcsCatalogueSource>();
        return builder;
    }
}
