using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MoodBot.Audio.Catalogue;

namespace MoodBot.Cli;

/// <summary><c>catalogue scan</c>: writes a catalogue from a music folder laid out by mood.</summary>
internal static class CatalogueCommand
{
    public static int Run(CliArguments args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (args.Positional is not ["scan", ..])
        {
            throw new CliUsageException("catalogue: the only subcommand is `scan`, e.g. catalogue scan --folder ~/Music/moodbot --out my-catalogue.json");
        }

        using var services = CommandLine.BuildServices();
        var root = services.Services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        var folder = args.Option("folder") is { } given
            ? Path.GetFullPath(given)
            : services.Services.GetRequiredService<IOptions<CatalogueOptions>>().Value.FullMusicFolder(root)
              ?? throw new CliUsageException("catalogue scan: give --folder DIR (or set Catalogue:MusicFolder)");
        var output = args.Option("out") is { } path ? Path.GetFullPath(path) : null;
        args.RejectUnknown("catalogue scan");

        var scan = MusicFolderScanner.Scan(folder, output is null ? null : Path.GetDirectoryName(output), cancellationToken);
        foreach (var skipped in scan.Skipped)
        {
            stderr.WriteLine($"skipped {skipped}");
        }

        var file = new CatalogueFile(scan.Entries
            .GroupBy(entry => entry.Mood)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<CatalogueTrack>)[.. group.Select(entry => entry.Track)]));
        var json = JsonSerializer.Serialize(file, CatalogueJsonContext.Default.CatalogueFile);
        if (output is null)
        {
            stdout.WriteLine(json);
        }
        else
        {
            File.WriteAllText(output, json + Environment.NewLine);
            stdout.WriteLine($"Wrote {scan.Entries.Count} tracks in {file.Moods.Count} moods to {output}; set Catalogue:Path to use it.");
        }

        // Licences cannot be read from files; say so rather than let "unknown" ship unnoticed.
        if (scan.Entries.Count > 0)
        {
            stderr.WriteLine("note: each track's licence is \"unknown\"; fill it in before sharing the catalogue.");
        }

        return scan.Entries.Count == 0 && scan.Skipped.Count > 0 ? CommandLine.Failed : CommandLine.Ok;
    }
}
