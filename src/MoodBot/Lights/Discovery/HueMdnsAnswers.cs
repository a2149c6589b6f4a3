using System.Globalization;
using System.Net.Sockets;
using Makaretu.Dns;
using MoodBot.Lights.Bridges;

namespace MoodBot.Lights.Discovery;

/// <summary>
/// Reads bridges out of an mDNS answer to <c>_hue._tcp.local</c>: each PTR names a service
/// instance, whose SRV gives the host and port, whose A (or AAAA) gives the address, and whose TXT
/// carries <c>bridgeid=</c>. Records may come as answers or as additional records.
/// </summary>
internal static class HueMdnsAnswers
{
    public const string ServiceName = "_hue._tcp.local";

    public static IReadOnlyList<HueCandidate> Candidates(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var records = message.Answers.Concat(message.AdditionalRecords).Concat(message.AuthorityRecords).ToList();
        var candidates = new List<HueCandidate>();
        foreach (var instance in records.OfType<PTRRecord>().Where(p => p.Name == new DomainName(ServiceName)).Select(p => p.DomainName).Distinct())
        {
            if (records.OfType<SRVRecord>().FirstOrDefault(s => s.Name == instance) is not { } service)
            {
                continue;
            }

            var addresses = records.OfType<AddressRecord>().Where(a => a.Name == service.Target).Select(a => a.Address)
                .OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1)
                .ToList();
            if (addresses.Count == 0)
            {
                continue;
            }

            var host = addresses[0].AddressFamily == AddressFamily.InterNetworkV6 ? $"[{addresses[0]}]" : addresses[0].ToString();
            var port = service.Port is 443 or 0 ? "" : ":" + service.Port.ToString(CultureInfo.InvariantCulture);
            candidates.Add(new HueCandidate(new Uri($"https://{host}{port}/"), BridgeId(records, instance), "mDNS"));
        }

        return candidates;
    }

    private static string? BridgeId(List<ResourceRecord> records, DomainName instance) =>
        records.OfType<TXTRecord>().Where(t => t.Name == instance)
            .SelectMany(t => t.Strings)
            .Where(s => s.StartsWith("bridgeid=", StringComparison.OrdinalIgnoreCase))
            .Select(s => s["bridgeid=".Length..].Trim().ToLower(CultureInfo.InvariantCulture))
            .FirstOrDefault(HueCertificateCheck.IsBridgeId);
}
