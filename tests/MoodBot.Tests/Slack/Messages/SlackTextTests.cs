using MoodBot.Slack.Messages;

namespace MoodBot.Tests.Slack.Messages;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("plain words", "plain words")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("<!channel> wake up", "&lt;!channel&gt; wake up")]
    [InlineData("<!here|here> <@U123> <#C1>", "&lt;!here|here&gt; &lt;@U123&gt; &lt;#C1&gt;")]
    [InlineData("&lt; already", "&amp;lt; already")]
    [InlineData("", "")]
    public void Escape_ControlCharacters_AreEntities(string text, string expected) =>
        Assert.Equal(expected, SlackText.Escape(text));

    [Theory]
    [InlineData("<@U0BOT> long day", "long day")]
    [InlineData("<@U0BOT|moodbot>   deadline panic  ", "deadline panic")]
    [InlineData("so happy &amp; relieved", "so happy & relieved")]
    [InlineData("1 &lt; 2 &gt; 0", "1 < 2 > 0")]
    [InlineData("<!channel> tired", "tired")]
    [InlineData("read <https://example.com|this> calmly", "read this calmly")]
    [InlineData("see <https://example.com>", "see https://example.com")]
    [InlineData("<@U0BOT>", "")]
    [InlineData(null, "")]
    public void Plain_SlackFormattedText_GivesTheWordsOnly(string? text, string expected) =>
        Assert.Equal(expected, SlackText.Plain(text));

    [Fact]
    public void Clip_LongText_EndsWithAnEllipsisWithinTheLimit()
    {
        var clipped = SlackText.Clip(new string('a', 200), 150);
        Assert.Equal(150, clipped.Length);
        Assert.EndsWith("…", clipped, StringComparison.Ordinal);
        Assert.Equal("short", SlackText.Clip("short", 150));
    }
}
