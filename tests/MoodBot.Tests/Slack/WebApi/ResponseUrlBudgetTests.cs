using Microsoft.Extensions.Time.Testing;
using MoodBot.Slack.WebApi;

namespace MoodBot.Tests.Slack.WebApi;

public sealed class ResponseUrlBudgetTests
{
    [Fact]
    public void TryUse_FivePostsAllowed_TheSixthIsRefused()
    {
        var budget = new ResponseUrlBudget(new FakeTimeProvider());
        var results = Enumerable.Range(0, 7).Select(_ => budget.TryUse("https://hooks.slack.com/a")).ToList();
        Assert.Equal([true, true, true, true, true, false, false], results);
        Assert.True(budget.TryUse("https://hooks.slack.com/b"));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(29, true)]
    [InlineData(30, false)]
    [InlineData(120, false)]
    public void TryUse_MinutesAfterTheFirstPost_AllowedOnlyWithinThirty(int minutes, bool allowed)
    {
        var time = new FakeTimeProvider();
        var budget = new ResponseUrlBudget(time);
        Assert.True(budget.TryUse("https://hooks.slack.com/a"));
        time.Advance(TimeSpan.FromMinutes(minutes));
        Assert.Equal(allowed, budget.TryUse("https://hooks.slack.com/a"));
    }
}
