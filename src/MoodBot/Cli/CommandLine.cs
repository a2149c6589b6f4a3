using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MoodBot.Audio.Codecs;
using MoodBot.Data;
using MoodBot.Hosting;
using MoodBot.Mood;
using MoodBot.Web;

namespace MoodBot.Cli;

/// <summary>
/// The entry point: no verb runs the bot; <c>ask</c>, <c>train</c>, <c>eval</c> and <c>help</c> are
/// tools. Every failure a person can cause ends in one clear line and a non-zero exit code.
/// </summary>
internal static class CommandLine
{
    public const int Ok = 0, Failed = 1, Usage = 2;

    public const string HelpText = """
        MoodBot: reads how you feel and answers with a mood, a colour and music.

        Usage: dotnet run --project src/MoodBot -- [command]

          (no command)            run the bot (configure it in appsettings.json)
          ask "<text>"            print the soundscape JSON for a text ("-" or no text: read stdin)
          train [--data DIR] [--out DIR] [--seed N]
                                  retrain the embedded model from data/ into models/embedded/
          eval [--data FILE.csv] [--json] [--folds N]
                                  cross-validate on data/, or score the model on a labelled CSV
                                  (columns user_text,mood_id[,acceptable] or user_text,valence,arousal)
          render --mood ID --out FILE.opus|FILE.wav [--seconds N] [--seed N]
                                  write a mood's generated soundscape (default 60 s, seed 1)
          catalogue scan [--folder DIR] [--out FILE.json]
                                  write a catalogue from a folder of <mood_id>/*.{ogg,opus,mp3,wav,flac}
          lights pair [--address HOST] [--timeout S]
                                  pair with a Philips Hue bridge (found on the network, or at HOST);
                                  press its link button when asked (default: wait 30 s)
          lights list             the paired Hue bridges and their rooms and zones
          lights forget <bridge id>
                                  forget a paired bridge and the rooms linked to it
          help                    show this text
        """;

    private static readonly string[] Verbs = ["ask", "train", "eval", "render", "catalogue", "lights", "help", "--help", "-h"];

    /// <param name="configure">Last changes to the services a tool builds (tests: a state folder, the test CA).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null, Action<IHostApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        try
        {
            if (args.Length == 0 || !Verbs.Contains(args[0]))
            {
                if (args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('='))
                {
                    throw new CliUsageException($"unknown command '{args[0]}'. Commands: ask, train, eval, render, catalogue, lights, help");
                }

                await RunBotAsync(args, cancellationToken);
                return Ok;
            }

            var rest = args.Skip(1);
            return args[0] switch
            {
                "ask" => await AskCommand.RunAsync(CliArguments.Parse(rest, "compact"), stdout, stderr, stdin ?? Console.In, cancellationToken),
                "train" => TrainCommand.Run(CliArguments.Parse(rest), stdout, stderr, cancellationToken),
                "eval" => EvalCommand.Run(CliArguments.Parse(rest, "json"), stdout, stderr, cancellationToken),
                "render" => await RenderCommand.RunAsync(CliArguments.Parse(rest), stdout, cancellationToken),
                "catalogue" => CatalogueCommand.Run(CliArguments.Parse(rest), stdout, stderr, cancellationToken),
                "lights" => await LightsCommand.RunAsync(CliArguments.Parse(rest), stdout, stderr, configure, cancellationToken),
                _ => Help(stdout),
            };
        }
        catch (CliUsageException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return Usage;
        }
        catch (Exception ex) when (IsUserFacing(ex))
        {
            await stderr.WriteLineAsync($"error: {Message(ex)}");
            return Failed;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("cancelled");
            return Failed;
        }
        catch (Exception ex)
        {
            // A bug, not a user error: still one line, with enough to report it.
            await stderr.WriteLineAsync($"error: unexpected {ex.GetType().Name}: {ex.Message}");
            return Failed;
        }
    }

    /// <summary>The services of the bot, built but not started: the tools use exactly what the bot uses.</summary>
    public static IHost BuildServices(Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = MoodBotPaths.FindRoot() });
        builder.Logging.ClearProviders();
        // The tools print results, not progress chatter: warnings and errors only, whatever appsettings.json says.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).AddFilter(level => level >= LogLevel.Warning);
        builder.AddMoodBot();
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>Where the configured data and model live, as the bot would read them.</summary>
    public static (string Data, string Model) Directories(IHost services)
    {
        var root = services.Services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        var options = services.Services.GetRequiredService<IOptions<InterpreterOptions>>().Value;
        return (options.DataDirectory(root), options.ModelDirectory(root));
    }

    private static async Task RunBotAsync(string[] args, CancellationToken cancellationToken)
    {
        await using var app = MoodBotWebApp.Create(args);
        await app.RunAsync(cancellationToken);
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(HelpText);
        return Ok;
    }

    private static bool IsUserFacing(Exception ex) => ex switch
    {
        CsvFormatException or InvalidDataException or AudioFormatException or FileNotFoundException or DirectoryNotFoundException
            or OptionsValidationException or UnauthorizedAccessException or IOException or Lights.HueException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsUserFacing),
        _ => false,
    };

    private static string Message(Exception ex) => ex switch
    {
        AggregateException aggregate => string.Join("; ", aggregate.InnerExceptions.Select(Message)),
        OptionsValidationException options => "invalid settings: " + string.Join("; ", options.Failures),
        _ => ex.Message,
    };
}
