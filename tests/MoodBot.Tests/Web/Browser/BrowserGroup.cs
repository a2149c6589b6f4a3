namespace MoodBot.Tests.Web.Browser;

/// <summary>
/// The browser tests share one Chromium and one running bot (starting either per test would
/// dominate the run). They run alone, after the parallel tests: Chromium competing with the rest
/// of the suite for two cores made page navigations outlast their timeouts in full runs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
