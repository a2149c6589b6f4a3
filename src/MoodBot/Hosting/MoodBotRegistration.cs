using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MoodBot.Audio;
using MoodBot.Chat;
using MoodBot.Data;
using MoodBot.Discord;
using MoodBot.Lights;
using MoodBot.Mood;
using MoodBot.Mood.Reading;
using MoodBot.Mood.Training;
using MoodBot.Rooms;
using MoodBot.Slack;

namespace MoodBot.Hosting;

internal static class MoodBotRegistration
{
    /// <summary>Everything the bot needs; adapters register themselves here as they arrive.</summary>
    public static IHostApplicationBuilder AddMoodBot(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InterpreterOptions>()
            .BindConfiguration(InterpreterOptions.Section)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<InterpreterOptions>, InterpreterOptionsValidator>();

        var root = builder.Environment.ContentRootPath;
        builder.Services.AddSingleton(sp => MoodCatalog.Load(Path.Combine(Options(sp).DataDirectory(root), SampleFiles.Moods)));
        builder.Services.AddSingleton(sp =>
        {
            var options = Options(sp);
            var model = ModelFile.Load(Path.Combine(options.ModelDirectory(root), ModelFile.FileName));
            return new EmbeddedMoodInterpreter(model, sp.GetRequiredService<MoodCatalog>(), options.MaxInputChars);
        });
        builder.Services.AddSingleton<IMoodInterpreter>(sp => sp.GetRequiredService<EmbeddedMoodInterpreter>());
        builder.Services.AddSingleton<ReadingComposer>();
        builder.Services.AddSingleton<MoodConversations>();
        builder.Services.AddSingleton<TrackFeedback>();
        builder.Services.AddHostedService<MoodBotStartup>();
        builder.AddAudio();
        builder.AddRooms();
        builder.AddLights();
        builder.AddDiscord();
        builder.AddSlack();
        return builder;
    }

    private static InterpreterOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<InterpreterOptions>>().Value;
}
