using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MoodBot.Web;

namespace MoodBot.Tests.Web;

/// <summary>The real host on a loopback port with its own state folder: tests talk to it over HTTP.</summary>
internal sealed class RunningBot(WebApplication app, TempDirectory state) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public HttpClient Client { get; } = new() { BaseAddress = new Uri(app.Urls.First()) };

    public string StatePath => state.Path;

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<RunningBot> StartAsync(params string[] settings)
    {
        var state = new TempDirectory();
        string[] args = ["--Web:Urls=http://127.0.0.1:0", $"--State:Path={state.Path}", "--Logging:LogLevel:Default=Warning", .. settings];
        var app = MoodBotWebApp.Create(args, RepoPaths.Root);
        await app.StartAsync();
        return new RunningBot(app, state);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        state.Dispose();
    }
}
