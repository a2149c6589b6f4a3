using MoodBot.Discord.Replies;

namespace MoodBot.Tests.Discord.Interactions;

public sealed class DiscordTextTests
{
    [Theory]
    [InlineData("@everyone look", "@\u200Beveryone look")]
    [InlineData("hi <@&123> and <@456>", "hi <\u200B@\u200B&123\\> and <\u200B@\u200B456\\>")]
    [InlineData("**bold** `code` ~~x~~", "\\*\\*bold\\*\\* \\`code\\` \\~\\~x\\~\\~")]
    [InlineData("two\nlines", "two lines")]
    public void Escape_MentionsAndMarkdown_CannotPingOrRestyle(string text, string expected) =>
        Assert.Equal(expected, DiscordText.Escape(text, 200));

    [Fact]
    public void Escape_LongText_IsCutWithAnEllipsis()
    {
        var escaped = DiscordText.Escape(new string('a', 500), 100);

        Assert.Equal(100, escaped.Length);
        Assert.EndsWith("…", escaped, StringComparison.Ordinal);
    }
}
