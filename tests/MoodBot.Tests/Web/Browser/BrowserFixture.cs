using Microsoft.Playwright;

namespace MoodBot.Tests.Web.Browser;

/// <summary>
/// The system's Chromium driven by Playwright, and a bot for it to talk to. Playwright never
/// downloads a browser here: the machine's own is used, and its absence fails the tests with a
/// message saying how to get it, because skipping would let the page break unnoticed.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "MOODBOT_CHROMIUM";
    public const string DefaultChromium = "/usr/bin/chromium";

    // Headless and quiet: nothing outside the machine can be reached, so nothing may be tried.
    // Playwright adds a fresh temporary --user-data-dir of its own to every launch.
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private RunningBot? _bot;

    internal RunningBot Bot => _bot ?? throw new InvalidOperationException("The fixture is not started.");

    internal Uri BaseUri => new(Bot.App.Urls.First());

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured ? configured : DefaultChromium;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"browser tests need Chromium: apt-get install chromium, or set {ChromiumVariable} (looked for {chromium}).");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        // Heartbeats every second, so a room's pages correct drift within a test's patience.
        _bot = await RunningBot.StartAsync("--Web:RequestsPerMinute=10000", "--Rooms:HeartbeatInterval=00:00:01");
    }

    /// <summary>A page in a fresh context (its own local storage, so its own session), opened at the chat.</summary>
    public Task<IPage> OpenChatAsync(int width = 1280, int height = 800) => OpenAsync("/", width, height);

    /// <summary>A page in a fresh context at <paramref name="path"/>, once its script has set <c>body.ready</c>.</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1280, int height = 800)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUri.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("body.ready");
        return page;
    }

    /// <summary>Saves the page to <see cref="ScreenshotFolder"/> for a person to look at.</summary>
    public static async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name);
        await page.ScreenshotAsync(new() { Path = path, Animations = ScreenshotAnimations.Disabled });
        return path;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }
}
