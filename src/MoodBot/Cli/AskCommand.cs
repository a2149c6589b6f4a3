using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MoodBot.Audio.Catalogue;
using MoodBot.Mood;
using MoodBot.Mood.Reading;

namespace MoodBot.Cli;

/// <summary><c>ask "text"</c>: prints the soundscape JSON for one text.</summary>
internal static class AskCommand
{
    /// <summary>The terminal is its own listening room, so repeated asks do not repeat tracks.</summary>
    private const string Room = "cli";

    private static readonly JsonSerializerOptions Pretty = new(ReadingJsonContext.Default.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Compact = new(ReadingJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr, TextReader stdin, CancellationToken cancellationToken)
    {
        var compact = args.Flag("compact");
        args.RejectUnknown("ask");
        if (args.Positional.Count == 0 && ReferenceEquals(stdin, Console.In) && !Console.IsInputRedirected)
        {
            // Waiting on a terminal that nobody types into looks like a hang; say what to do instead.
            throw new CliUsageException("ask: give the text, e.g. ask \"ugh, this week has completely drained me\", or pipe it in");
        }

        var text = args.Positional.Count == 0 || args.Positional is ["-"]
            ? await stdin.ReadToEndAsync(cancellationToken)
            : string.Join(' ', args.Positional);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CliUsageException("ask: the text is empty. Say how you feel, e.g. ask \"ugh, this week has completely drained me\"");
        }

        using var services = CommandLine.BuildServices();
        var interpreter = services.Services.GetRequiredService<IMoodInterpreter>();
        var reading = await interpreter.InterpretAsync(text, cancellationToken);
        reading = services.Services.GetRequiredService<ReadingMusic>().AddTracks(reading, Room);
        await stdout.WriteLineAsync(JsonSerializer.Serialize(reading, compact ? Compact : Pretty));
        if (reading.Truncated)
        {
            var limit = services.Services.GetRequiredService<IOptions<InterpreterOptions>>().Value.MaxInputChars;
            await stderr.WriteLineAsync($"note: the text has {text.Length:N0} characters; the mood was read from the first {limit:N0}.");
        }

        return CommandLine.Ok;
    }
}
