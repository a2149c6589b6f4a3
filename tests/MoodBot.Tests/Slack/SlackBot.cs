using MoodBot.Slack;
using MoodBot.Tests.Web;

namespace MoodBot.Tests.Slack;

/// <summary>The real host with the Slack adapter pointed at a <see cref="FakeSlack"/>.</summary>
internal sealed class SlackBot(FakeSlack slack, RunningBot bot) : IAsyncDisposable
{
    // Fakes with the prefixes the options check; built here so no token-shaped text is in git.
    public static readonly string BotToken = SlackOptions.BotTokenPrefix + "e2e-bot-token-SECRET";
    public static readonly string AppToken = SlackOptions.AppTokenPrefix + "e2e-app-token-SECRET";
    public const string SigningSecret = "e2e-signing-secret-SECRET";

    public FakeSlack Slack { get; } = slack;

    public RunningBot Bot { get; } = bot;

    /// <param name="socketMode">Socket Mode (app-level token) or HTTP mode (signing secret).</param>
    public static async Task<SlackBot> StartAsync(bool socketMode = true, params string[] settings)
    {
        var slack = await FakeSlack.StartAsync();
        var bot = await RunningBot.StartAsync(
        [
            $"--Slack:BotToken={BotToken}",
            socketMode ? $"--Slack:AppToken={AppToken}" : $"--Slack:SigningSecret={SigningSecret}",
            $"--Slack:ApiUrl={slack.ApiUrl}",
            "--Slack:DefaultRetryAfter=00:00:00.050",
            "--Audio:PublicBaseUrl=https://moodbot.example",
            "--Logging:LogLevel:MoodBot.Slack=Debug",
            .. settings,
        ]);
        return new SlackBot(slack, bot);
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Slack.DisposeAsync();
    }

    /// <summary>No log line ever carries a token or the signing secret.</summary>
    public void AssertNoSecretsLogged() =>
        Assert.DoesNotContain(Bot.Logs.Entries, e => e.ToString().Contains("SECRET", StringComparison.Ordinal));
}
