using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoodBot.Audio.Catalogue;
using MoodBot.Audio.Streaming;
using MoodBot.Tests.Audio.Gcs;
using MoodBot.Web;

using MoodBot.Tests.Lights;

namespace MoodBot.Tests.Web;

/// <summary>The real host on a loopback port with its own state folder: tests talk to it over HTTP.</summary>
internal sealed class RunningBot(WebApplication app, TempDirectory state, CollectingLoggerProvider logs) : IAsyncDisposable
{
    public CollectingLoggerProvider Logs { get; } = logs;

    public WebApplication App { get; } = app;

    public HttpClient Client { get; } = new() { BaseAddress = new Uri(app.Urls.First()) };

    public string StatePath => state.Path;

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>The path of the music link the bot gives for a catalogue entry.</summary>
    public string LinkTo(CatalogueEntry entry) => new Uri(Get<TrackLinker>().Link(entry).Url).PathAndQuery;

    /// <summary>Puts one track at <paramref name="location"/> in the catalogue and returns the path of its music link.</summary>
    public string LinkTo(string location, int seconds = 60)
    {
        Assert.True(TrackUri.TryParse(location, "/", out var uri, out var error), error);
        var entry = new CatalogueEntry("calm", new CatalogueTrack("t", "a", "CC0-1.0", seconds, location), uri);
        Get<TrackCatalogue>().SetSource("test", [entry]);
        return LinkTo(entry);
    }

    public static async Task<RunningBot> StartAsync(params string[] settings)
    {
        var state = new TempDirectory();
        // Pre-rendering would compete with the tests for the two cores; its own test turns it on.
        string[] args = ["--Web:Urls=http://127.0.0.1:0", $"--State:Path={state.Path}", "--Logging:LogLevel:Default=Warning", "--Audio:PrerenderCatalogue=false", .. settings];
        var logs = new CollectingLoggerProvider();
        var app = MoodBotWebApp.Create(args, RepoPaths.Root, builder =>
        {
            builder.Logging.AddProvider(logs);
            // The only Hue bridges tests talk to are fakes with certificates from the test CA.
            builder.Services.AddSingleton(FakeHueBridge.Trust);
        });
        await app.StartAsync();

        // Tests add tracks of their own; the start-up sources must not race them (or their warnings).
        var sources = app.Services.GetServices<IHostedService>().OfType<CatalogueSources>().Single();
        await sources.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        return new RunningBot(app, state, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        state.Dispose();
        Logs.Dispose();
    }

    /// <summary>Waits for something the host does in the background (bounded, so a bug fails instead of hanging).</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 10_000, $"timed out waiting until {what}");
            await Task.Delay(20);
        }
    }
}
