namespace MoodBot.Tests.Web.Browser;

/// <summary>The browser tests share one Chromium and one running bot (starting either per test would dominate the run).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
