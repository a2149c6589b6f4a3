using System.Text.Json;
using MoodBot.Cli;

namespace MoodBot.Tests.Cli;

/// <summary>The command line as a person meets it: output, exit codes and messages, never a stack trace.</summary>
public sealed class CommandLineTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr, new StringReader(""));
        var err = stderr.ToString();
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        return (code, stdout.ToString(), err);
    }

    [Fact]
    public async Task Ask_Text_PrintsSoundscapeJsonThatMatchesTheSchema()
    {
        var (code, output, _) = await Run("ask", "ugh, this week has completely drained me");

        Assert.Equal(0, code);
        SchemaValidation.AssertValid(output);
        Assert.Equal("tired", JsonDocument.Parse(output).RootElement.GetProperty("mood").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Ask_EmptyText_FailsWithAClearMessage(string text)
    {
        var (code, output, err) = await Run("ask", text);

        Assert.Equal(CommandLine.Usage, code);
        Assert.Empty(output);
        Assert.Contains("the text is empty", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_HundredKilobytes_AnswersAndNotesTheTruncation()
    {
        var (code, output, err) = await Run("ask", new string('x', 50_000) + " so happy " + new string('y', 50_000));

        Assert.Equal(0, code);
        SchemaValidation.AssertValid(output);
        Assert.Contains("first 2,000", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_FailsWithUsage()
    {
        var (code, _, err) = await Run("dance");

        Assert.Equal(CommandLine.Usage, code);
        Assert.Contains("unknown command 'dance'", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_UnknownOption_IsRejected()
    {
        var (code, _, err) = await Run("eval", "--dta", "x.csv");

        Assert.Equal(CommandLine.Usage, code);
        Assert.Contains("--dta", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalJson_LabelledFile_PrintsOneObjectWithTheRequiredKeys()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("set.csv", "id,user_text,mood_id,acceptable\n1,so tired i could sleep for a week,tired,tired\n2,\"best day ever, got the job!!\",joyful,joyful;energetic\n3,whatever,surprise,\n");

        var (code, output, err) = await Run("eval", "--data", file, "--json");

        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        foreach (var key in new[] { "rows", "accuracy", "acceptable_accuracy", "macro_f1", "va_distance", "bleu", "rouge_l" })
        {
            Assert.True(root.TryGetProperty(key, out _), $"missing {key}");
        }

        Assert.Equal(2, root.GetProperty("rows").GetInt32());
        Assert.Equal(1, root.GetProperty("unknown_mood_rows").GetInt32());
        Assert.Contains("unknown mood", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalJson_ValenceArousalFile_ReportsCorrelations()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("va.csv", "user_text,valence,arousal\nbest day of my life!!,0.9,0.6\ni feel so alone and sad,-0.8,-0.3\nso angry i could scream,-0.7,0.8\nsleepy calm sunday,0.4,-0.7\n");

        var (code, output, _) = await Run("eval", "--data", file, "--json");

        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.True(root.GetProperty("valence_pearson").GetDouble() > 0.5);
    }

    [Fact]
    public async Task Eval_MissingColumn_NamesIt()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("bad.csv", "text,label\nhi,calm\n");

        var (code, _, err) = await Run("eval", "--data", file);

        Assert.Equal(CommandLine.Failed, code);
        Assert.Contains("missing column 'user_text'", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_BrokenQuote_NamesTheLine()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("bad.csv", "user_text,mood_id\nfine,calm\n\"never closed,sad\nnext,calm\n");

        var (code, _, err) = await Run("eval", "--data", file);

        Assert.Equal(CommandLine.Failed, code);
        Assert.Contains("line 3", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_MissingFile_SaysSo()
    {
        var (code, _, err) = await Run("eval", "--data", "/nonexistent/set.csv");

        Assert.Equal(CommandLine.Failed, code);
        Assert.Contains("file not found", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_IntoAFolder_WritesAModelThatAskCanUse()
    {
        using var dir = new TempDirectory();

        var (code, output, _) = await Run("train", "--out", dir.Path);

        Assert.Equal(0, code);
        Assert.Contains("cross-validation: accuracy", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "model.bin")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "metrics.json")));
    }

    [Fact]
    public async Task Help_ListsTheCommands()
    {
        var (code, output, _) = await Run("help");

        Assert.Equal(0, code);
        Assert.Contains("ask", output, StringComparison.Ordinal);
        Assert.Contains("train", output, StringComparison.Ordinal);
        Assert.Contains("eval", output, StringComparison.Ordinal);
    }
}
