using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MoodBot.Lights;
using MoodBot.Lights.Bridges;
using MoodBot.Lights.Discovery;
using MoodBot.Lights.Pairing;

namespace MoodBot.Cli;

/// <summary><c>lights pair|list|forget</c>: the Hue bridges MoodBot may drive. Application keys are never printed.</summary>
internal static class LightsCommand
{
    public const string Usage = "lights: use `lights pair [--address HOST] [--timeout S]`, `lights list` or `lights forget <bridge id>`";

    public static async Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr, Action<IHostApplicationBuilder>? configure, CancellationToken ct)
    {
        switch (args.Positional)
        {
            case ["pair"]:
                {
                    var address = args.Option("address");
                    var seconds = args.IntOption("timeout") ?? (int)HuePairing.DefaultTimeout.TotalSeconds;
                    args.RejectUnknown("lights pair");
                    if (seconds < 1 || seconds > HuePairing.MaxTimeout.TotalSeconds)
                    {
                        throw new CliUsageException($"lights pair: --timeout must be 1-{HuePairing.MaxTimeout.TotalSeconds:0} seconds, not {seconds}");
                    }

                    using var services = CommandLine.BuildServices(configure);
                    return await PairAsync(services.Services, address, TimeSpan.FromSeconds(seconds), stdout, stderr, ct);
                }

            case ["list"]:
                {
                    args.RejectUnknown("lights list");
                    using var services = CommandLine.BuildServices(configure);
                    return await ListAsync(services.Services, stdout, ct);
                }

            case ["forget", var id]:
                {
                    args.RejectUnknown("lights forget");
                    if (!HueCertificateCheck.IsBridgeId(id))
                    {
                        throw new CliUsageException($"lights forget: '{id}' is not a bridge id (16 hex digits; see `lights list`)");
                    }

                    using var services = CommandLine.BuildServices(configure);
                    var forgotten = services.Services.GetRequiredService<HueBridgeStore>().Remove(id.ToLowerInvariant());
                    await (forgotten ? stdout : stderr).WriteLineAsync(forgotten
                        ? $"Forgot Hue bridge {id.ToLowerInvariant()} and the rooms linked to it."
                        : $"error: no paired Hue bridge {id.ToLowerInvariant()} (see `lights list`)");
                    return forgotten ? CommandLine.Ok : CommandLine.Failed;
                }

            default:
                throw new CliUsageException(Usage);
        }
    }

    private static async Task<int> PairAsync(IServiceProvider services, string? given, TimeSpan timeout, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        Uri address;
        string? expectedId = null;
        if (given is not null)
        {
            address = HueAddress.TryParse(given, out var parsed, out var error) ? parsed : throw new CliUsageException("lights pair: " + error);
        }
        else
        {
            await stderr.WriteLineAsync("Looking for Hue bridges on this network...");
            var found = await services.GetRequiredService<HueDiscovery>().DiscoverAsync(HueDiscovery.DefaultListen, ct);
            switch (found)
            {
                case []:
                    await stderr.WriteLineAsync("error: no Hue bridge found on this network; give its address: lights pair --address 192.168.1.20");
                    return CommandLine.Failed;
                case [var only]:
                    (address, expectedId) = (only.Address, only.BridgeId);
                    break;
                default:
                    await stderr.WriteLineAsync("error: several Hue bridges answered; choose one with --address: "
                        + string.Join(", ", found.Select(f => f.Address.Authority + (f.BridgeId is null ? "" : $" ({f.BridgeId})"))));
                    return CommandLine.Usage;
            }
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Press the link button on the Hue bridge at {address.Authority} now (waiting up to {timeout.TotalSeconds:0} s)..."));
        var progress = new LineProgress(stderr);
        var bridge = await services.GetRequiredService<HuePairing>().PairAsync(address, expectedId, timeout, progress, ct);
        await stdout.WriteLineAsync($"Paired with Hue bridge {bridge.Id} at {bridge.Address.Authority}");
        return CommandLine.Ok;
    }

    private static async Task<int> ListAsync(IServiceProvider services, TextWriter stdout, CancellationToken ct)
    {
        var bridges = services.GetRequiredService<HueBridgeStore>().All();
        if (bridges.Count == 0)
        {
            await stdout.WriteLineAsync("No Hue bridge is paired; pair one with `lights pair`.");
            return CommandLine.Ok;
        }

        var connections = services.GetRequiredService<HueConnections>();
        var failed = false;
        foreach (var bridge in bridges)
        {
            await stdout.WriteLineAsync($"Hue bridge {bridge.Id} at {bridge.Address.Authority}");
            var client = connections.ClientFor(bridge);
            try
            {
                foreach (var room in await client.GetRoomsAsync(ct))
                {
                    await stdout.WriteLineAsync($"  room  {room.Metadata?.Name}");
                }

                foreach (var zone in await client.GetZonesAsync(ct))
                {
                    await stdout.WriteLineAsync($"  zone  {zone.Metadata?.Name}");
                }
            }
            catch (HueException ex)
            {
                // One bridge being down must not hide the others.
                await stdout.WriteLineAsync($"  (no answer: {ex.Message})");
                failed = true;
            }
        }

        return failed ? CommandLine.Failed : CommandLine.Ok;
    }

    /// <summary>One line per ask, so the wait shows in a terminal and in a log alike.</summary>
    private sealed class LineProgress(TextWriter writer) : IProgress<HuePairingProgress>
    {
        public void Report(HuePairingProgress value) =>
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"waiting for the link button on bridge {value.BridgeId}... {Math.Ceiling(value.Remaining.TotalSeconds):0} s left"));
    }
}
