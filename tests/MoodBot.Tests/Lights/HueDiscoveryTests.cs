using System.Net;
using Makaretu.Dns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MoodBot.Lights;
using MoodBot.Lights.Discovery;
using MoodBot.Tests.Audio.Gcs;

namespace MoodBot.Tests.Lights;

/// <summary>mDNS answers to candidates, on DNS messages built here as a bridge sends them (and read back from the wire).</summary>
public sealed class HueDiscoveryTests
{
    private static readonly DomainName Service = new("_hue._tcp.local");
    private static readonly DomainName Instance = new("Hue Bridge - 6A1B2C._hue._tcp.local");
    private static readonly DomainName Host = new("001788fffe6a1b2c.local");

    [Fact]
    public void Candidates_BridgeAnswer_GivesAddressAndIdFromTxt()
    {
        var message = Answer(
            [new PTRRecord { Name = Service, DomainName = Instance }],
            [
                new SRVRecord { Name = Instance, Target = Host, Port = 443 },
                new TXTRecord { Name = Instance, Strings = ["bridgeid=001788FFFE6A1B2C", "modelid=BSB002"] },
                new AAAARecord { Name = Host, Address = IPAddress.Parse("fe80::217:88ff:fe6a:1b2c") },
                new ARecord { Name = Host, Address = IPAddress.Parse("192.168.1.20") },
            ]);

        var candidate = Assert.Single(HueMdnsAnswers.Candidates(RoundTrip(message)));

        Assert.Equal(new HueCandidate(new Uri("https://192.168.1.20/"), "001788fffe6a1b2c", "mDNS"), candidate);
    }

    [Fact]
    public void Candidates_OtherPortIpv6OnlyAndNoTxt_KeepsThePortAndLeavesTheIdOpen()
    {
        var message = Answer(
            [new PTRRecord { Name = Service, DomainName = Instance }, new SRVRecord { Name = Instance, Target = Host, Port = 8443 }],
            [new AAAARecord { Name = Host, Address = IPAddress.Parse("fd00::20") }]);

        var candidate = Assert.Single(HueMdnsAnswers.Candidates(RoundTrip(message)));

        Assert.Equal(new HueCandidate(new Uri("https://[fd00::20]:8443/"), null, "mDNS"), candidate);
    }

    [Fact]
    public void Candidates_OtherServicesOrNoAddress_AreSkipped()
    {
        var printer = new DomainName("Printer._ipp._tcp.local");
        var message = Answer(
            [
                new PTRRecord { Name = new DomainName("_ipp._tcp.local"), DomainName = printer },
                new PTRRecord { Name = Service, DomainName = Instance },
            ],
            [
                new SRVRecord { Name = printer, Target = new DomainName("printer.local"), Port = 631 },
                new ARecord { Name = new DomainName("printer.local"), Address = IPAddress.Parse("192.168.1.30") },
                new SRVRecord { Name = Instance, Target = Host, Port = 443 },
            ]);

        Assert.Empty(HueMdnsAnswers.Candidates(RoundTrip(message)));
    }

    [Fact]
    public void Candidates_TxtIdThatIsNoBridgeId_IsIgnored()
    {
        var message = Answer(
            [new PTRRecord { Name = Service, DomainName = Instance }],
            [
                new SRVRecord { Name = Instance, Target = Host, Port = 443 },
                new TXTRecord { Name = Instance, Strings = ["bridgeid=<script>"] },
                new ARecord { Name = Host, Address = IPAddress.Parse("192.168.1.20") },
            ]);

        Assert.Null(Assert.Single(HueMdnsAnswers.Candidates(message)).BridgeId);
    }

    [Fact]
    public async Task DiscoverAsync_ConfiguredAddress_IsOfferedFirst()
    {
        using var logs = new CollectingLoggerProvider();
        var options = Options.Create(new HueOptions { BridgeAddress = "192.168.1.20" });
        var discovery = new HueDiscovery(options, TimeProvider.System, logs.CreateFactory().CreateLogger<HueDiscovery>());

        var found = await discovery.DiscoverAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None);

        Assert.Equal(new Uri("https://192.168.1.20/"), found[0].Address);
        Assert.Equal("settings", found[0].Source);
    }

    private static Message Answer(ResourceRecord[] answers, ResourceRecord[] additional)
    {
        var message = new Message { QR = true, AA = true };
        message.Answers.AddRange(answers);
        message.AdditionalRecords.AddRange(additional);
        return message;
    }

    private static Message RoundTrip(Message message)
    {
        var read = new Message();
        read.Read(message.ToByteArray());
        return read;
    }
}
