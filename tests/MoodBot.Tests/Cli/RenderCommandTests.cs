using MoodBot.Audio;
using MoodBot.Audio.Codecs;
using MoodBot.Cli;

namespace MoodBot.Tests.Cli;

public sealed class RenderCommandTests
{
    [Theory]
    [InlineData("calm.opus")]
    [InlineData("calm.wav")]
    public async Task Render_WritesAPlayableFileOfTheAskedLength(string name)
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, name);
        var stdout = new StringWriter();

        var exit = await CommandLine.RunAsync(["render", "--mood", "calm", "--seconds", "3", "--out", output], stdout, new StringWriter());

        Assert.Equal(CommandLine.Ok, exit);
        Assert.Contains("Wrote", stdout.ToString());
        using var decoded = AudioDecoder.Open(output);
        var buffer = new float[AudioFormat.SampleRate * AudioFormat.Channels * 4];
        var floats = 0;
        for (int read; (read = decoded.Read(buffer.AsSpan(floats))) > 0;)
        {
            floats += read;
        }

        Assert.InRange(floats / (double)AudioFormat.Channels / AudioFormat.SampleRate, 2.99, 3.01);
        Assert.True(buffer.AsSpan(0, floats).ToArray().Max(Math.Abs) > 0.05f, "the render is not silent");
    }

    [Theory]
    [InlineData(new[] { "render", "--mood", "grumpy", "--out", "x.opus" }, "unknown mood 'grumpy'")]
    [InlineData(new[] { "render", "--mood", "calm", "--out", "x.mp3" }, "must end in .opus, .ogg or .wav")]
    [InlineData(new[] { "render", "--mood", "calm" }, "give --out")]
    [InlineData(new[] { "render", "--mood", "calm", "--seconds", "0", "--out", "x.wav" }, "between 1 and 3600")]
    [InlineData(new[] { "render", "--out", "x.wav" }, "give --mood")]
    public async Task Render_BadArguments_AreOneUsageLine(string[] args, string expected)
    {
        var stderr = new StringWriter();

        var exit = await CommandLine.RunAsync(args, new StringWriter(), stderr);

        Assert.Equal(CommandLine.Usage, exit);
        Assert.Contains(expected, stderr.ToString());
        Assert.Single(stderr.ToString().Trim().Split('\n'));
    }
}
