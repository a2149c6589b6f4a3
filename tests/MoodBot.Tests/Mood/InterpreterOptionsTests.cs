using MoodBot.Mood;

namespace MoodBot.Tests.Mood;

public sealed class InterpreterOptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new InterpreterOptionsValidator().Validate(null, new InterpreterOptions()).Succeeded);
    }

    [Fact]
    public void Validate_EachProblem_GetsItsOwnMessage()
    {
        var result = new InterpreterOptionsValidator().Validate(null, new InterpreterOptions { Kind = "gpt", MaxInputChars = 5 });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Interpreter:Kind", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("MaxInputChars", StringComparison.Ordinal));
    }
}
