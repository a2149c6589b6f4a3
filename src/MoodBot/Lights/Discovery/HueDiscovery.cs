using System.Net;
using System.Net.Sockets;
using Makaretu.Dns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MoodBot.Lights.Pairing;

namespace MoodBot.Lights.Discovery;

/// <summary>
/// Finds bridges to pair: the one named in <c>Hue:BridgeAddress</c>, and those that answer an mDNS
/// query for <c>_hue._tcp.local</c> within the listening time. mDNS is best effort (containers and
/// some Wi-Fi networks drop multicast): when it fails, the named address is still offered.
/// </summary>
internal sealed partial class HueDiscovery(IOptions<HueOptions> options, TimeProvider time, ILogger<HueDiscovery> logger)
{
    public static readonly TimeSpan DefaultListen = TimeSpan.FromSeconds(3);

    private static readonly IPEndPoint MdnsGroup = new(IPAddress.Parse("224.0.0.251"), 5353);

    public async Task<IReadOnlyList<HueCandidate>> DiscoverAsync(TimeSpan listen, CancellationToken ct)
    {
        var found = new List<HueCandidate>();
        if (options.Value.BridgeAddress is { Length: > 0 } configured)
        {
            if (HueAddress.TryParse(configured, out var address, out var error))
            {
                found.Add(new HueCandidate(address, null, "settings"));
            }
            else
            {
                Log.BadSetting(logger, error);
            }
        }

        foreach (var candidate in await QueryMdnsAsync(listen, ct).ConfigureAwait(false))
        {
            var same = found.FindIndex(f => f.Address == candidate.Address);
            if (same < 0)
            {
                found.Add(candidate);
            }
            else if (found[same].BridgeId is null)
            {
                // mDNS knows the id of the configured address: pairing can pin it from the start.
                found[same] = found[same] with { BridgeId = candidate.BridgeId };
            }
        }

        return found;
    }

    /// <summary>
    /// A one-shot query (RFC 6762 §5.1) from an ephemeral port: responders answer it by unicast to
    /// that port, so no socket on 5353 (often taken by avahi) is needed.
    /// </summary>
    private async Task<IReadOnlyList<HueCandidate>> QueryMdnsAsync(TimeSpan listen, CancellationToken ct)
    {
        var answers = new List<HueCandidate>();
        try
        {
            using var udp = new UdpClient(new IPEndPoint(IPAddress.Any, 0));
            var query = new Message { Id = (ushort)Random.Shared.Next(1, ushort.MaxValue) };
            query.Questions.Add(new Question { Name = HueMdnsAnswers.ServiceName, Type = DnsType.PTR });
            await udp.SendAsync(query.ToByteArray(), MdnsGroup, ct).ConfigureAwait(false);

            using var window = new CancellationTokenSource(listen, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, window.Token);
            while (true)
            {
                var received = await udp.ReceiveAsync(linked.Token).ConfigureAwait(false);
                var message = new Message();
                try
                {
                    message.Read(received.Buffer);
                }
                catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ArgumentException or IndexOutOfRangeException)
                {
                    continue; // a malformed packet from some device on the LAN
                }

                answers.AddRange(HueMdnsAnswers.Candidates(message).Where(c => !answers.Any(a => a.Address == c.Address)));
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The listening time is over.
        }
        catch (SocketException ex)
        {
            Log.MdnsFailed(logger, ex.Message);
        }

        return answers;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Hue:BridgeAddress is ignored: {Reason}")]
        public static partial void BadSetting(ILogger logger, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "mDNS discovery of Hue bridges failed ({Reason}); give the bridge's address instead")]
        public static partial void MdnsFailed(ILogger logger, string reason);
    }
}
