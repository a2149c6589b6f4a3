using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MoodBot.Audio;
using MoodBot.Audio.Codecs;
using MoodBot.Audio.Codecs.Opus;
using MoodBot.Audio.Codecs.Wav;
using MoodBot.Audio.Streaming;
using MoodBot.Audio.Synth;
using MoodBot.Mood;

namespace MoodBot.Cli;

/// <summary><c>render</c>: writes a mood's generated soundscape to a .wav or .opus file.</summary>
internal static class RenderCommand
{
    public static async Task<int> RunAsync(CliArguments args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var moodId = args.Option("mood") ?? throw new CliUsageException($"render: give --mood, one of {string.Join(", ", MoodIds.All)}");
        if (!MoodIds.IsKnown(moodId))
        {
            throw new CliUsageException($"render: unknown mood '{moodId}' (one of {string.Join(", ", MoodIds.All)})");
        }

        var seconds = args.IntOption("seconds") ?? 60;
        if (seconds is < 1 or > 3600)
        {
            throw new CliUsageException("render: --seconds must be between 1 and 3600");
        }

        var seed = args.IntOption("seed") ?? 1;
        var output = args.Option("out") ?? throw new CliUsageException("render: give --out FILE.opus or FILE.wav");
        var extension = Path.GetExtension(output).ToLowerInvariant();
        if (extension is not (".opus" or ".ogg" or ".wav"))
        {
            throw new CliUsageException($"render: --out must end in .opus, .ogg or .wav, not '{extension}'");
        }

        args.RejectUnknown("render");

        using var services = CommandLine.BuildServices();
        var mood = services.Services.GetRequiredService<MoodCatalog>()[moodId];
        var bitrate = services.Services.GetRequiredService<IOptions<AudioOptions>>().Value.OpusBitrate;
        var clock = Stopwatch.StartNew();
        var loop = new SoundscapeRenderer().RenderLoop(SynthRequest.ForMood(mood, seed), cancellationToken);
        var length = TimeSpan.FromSeconds(seconds);

        var directory = Path.GetDirectoryName(Path.GetFullPath(output))!;
        Directory.CreateDirectory(directory);
        await using (var file = File.Create(output))
        using (var source = loop.Play(length))
        {
            if (extension == ".wav")
            {
                WavWriter.Write(file, source);
            }
            else
            {
                var tags = new OggOpusTags($"{mood.Label} soundscape #{seed}", "MoodBot Synth");
                await OggOpusEncoder.EncodeAsync(source, file, tags, new OggOpusEncoderOptions(bitrate, seed), cancellationToken);
            }
        }

        var format = extension == ".wav" ? "16-bit WAV" : string.Create(CultureInfo.InvariantCulture, $"Ogg Opus {bitrate / 1000} kbps");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {output}: {mood.Label}, seed {seed}, {seconds} s at {loop.TempoBpm} BPM ({loop.Bars}-bar loop of {loop.Duration.TotalSeconds:0.0} s), {AudioFormat.SampleRate / 1000} kHz stereo {format}, in {clock.Elapsed.TotalSeconds:0.00} s"));
        return CommandLine.Ok;
    }
}
