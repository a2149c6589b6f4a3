using MoodBot.Mood.Text;

namespace MoodBot.Tests.Mood;

public sealed class TextSanitizerTests
{
    [Fact]
    public void Sanitize_LoneSurrogatesAndControlCharacters_AreReplaced()
    {
        var result = TextSanitizer.Sanitize("sad\uD800 day\u0007\u0000 😭");

        Assert.Equal("sad\uFFFD day   😭", result.Text);
        Assert.False(result.Truncated);
    }

    [Fact]
    public void Sanitize_LongText_IsCutWithoutSplittingASurrogatePair()
    {
        var text = new string('a', 9) + "😭" + new string('b', 100);

        var result = TextSanitizer.Sanitize(text, maxChars: 10);

        Assert.True(result.Truncated);
        Assert.Equal(new string('a', 9), result.Text);
    }

    [Fact]
    public void Sanitize_CleanText_IsReturnedAsIs()
    {
        const string text = "feeling great 🎉";

        Assert.Same(text, TextSanitizer.Sanitize(text).Text);
    }
}
