using System.Security.Cryptography.X509Certificates;
using MoodBot.Lights;
using MoodBot.Lights.Bridges;
using MoodBot.Tests.Audio.Gcs;

namespace MoodBot.Tests.Lights;

/// <summary>TLS to a bridge, over loopback HTTPS: the chain must reach the trusted root and the CN must be the bridge.</summary>
public sealed class HueConnectionsTests : IDisposable
{
    private const string OtherId = "001788fffe000001";

    private readonly CollectingLoggerProvider _logs = new();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task ClientFor_TrustedCaAndRightId_Answers()
    {
        await using var bridge = await FakeHueBridge.StartAsync();
        using var connections = Connections();

        var rooms = await connections.ClientFor(Paired(bridge)).GetRoomsAsync(CancellationToken.None);

        Assert.Equal(2, rooms.Count);
    }

    [Fact]
    public async Task ClientFor_CertificateIdInCapitals_Answers()
    {
        // The Bridge Pro writes its id in capitals; the id is the same.
        await using var bridge = await FakeHueBridge.StartAsync(TestHueCertificates.Bridge(FakeHueBridge.BridgeId.ToUpperInvariant(), TestHueCertificates.Ca));
        using var connections = Connections();

        Assert.Equal(2, (await connections.ClientFor(Paired(bridge)).GetRoomsAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ClientFor_AnotherBridgeAtTheAddress_FailsNamingBothIds()
    {
        await using var bridge = await FakeHueBridge.StartAsync(TestHueCertificates.Bridge(OtherId, TestHueCertificates.Ca));
        using var connections = Connections();

        var error = await Assert.ThrowsAsync<HueException>(() => connections.ClientFor(Paired(bridge)).GetRoomsAsync(CancellationToken.None));

        Assert.Equal(
            $"Hue bridge {bridge.Address.Authority} is not the bridge we paired with: the certificate is for bridge {OtherId}, not bridge {FakeHueBridge.BridgeId}: another bridge answers at that address now; pair again with `lights pair`",
            error.Message);
        Assert.Empty(bridge.Requests);
    }

    [Theory]
    [InlineData("self-signed")]
    [InlineData("other CA")]
    public async Task ClientFor_CertificateNotFromTheTrustedCa_Fails(string issuer)
    {
        var certificate = TestHueCertificates.Bridge(FakeHueBridge.BridgeId, issuer == "self-signed" ? null : TestHueCertificates.OtherCa);
        await using var bridge = await FakeHueBridge.StartAsync(certificate);
        using var connections = Connections();

        var error = await Assert.ThrowsAsync<HueException>(() => connections.ClientFor(Paired(bridge)).GetRoomsAsync(CancellationToken.None));

        Assert.Contains("its certificate is not signed by the Hue root CA (", error.Message, StringComparison.Ordinal);
        Assert.Contains("is the address a Hue bridge?", error.Message, StringComparison.Ordinal);
        Assert.Empty(bridge.Requests);
    }

    [Fact]
    public async Task ClientFor_TestCaWithTheRealHueRoots_IsRefused()
    {
        // The default roots are Hue's alone: the fake's CA must not be trusted by them.
        await using var bridge = await FakeHueBridge.StartAsync();
        using var connections = new HueConnections(TimeProvider.System, _logs.CreateFactory());

        var error = await Assert.ThrowsAsync<HueException>(() => connections.ClientFor(Paired(bridge)).GetRoomsAsync(CancellationToken.None));

        Assert.Contains("not signed by the Hue root CA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientFor_CertificateNamingNoBridgeId_Fails()
    {
        await using var bridge = await FakeHueBridge.StartAsync(TestHueCertificates.Bridge("localhost", TestHueCertificates.Ca));
        using var connections = Connections();

        var error = await Assert.ThrowsAsync<HueException>(() => connections.ClientFor(Paired(bridge)).GetRoomsAsync(CancellationToken.None));

        Assert.Contains("its certificate names 'localhost', not a bridge id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenUnpaired_UnknownId_LearnsItFromTheCertificate()
    {
        await using var bridge = await FakeHueBridge.StartAsync(TestHueCertificates.Bridge(OtherId.ToUpperInvariant(), TestHueCertificates.Ca));
        using var connections = Connections();
        using var connection = connections.OpenUnpaired(expectedId: null);

        using var response = await connection.Http.GetAsync(new Uri(bridge.Address, "api/0/config"));

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(OtherId, connection.PresentedId);
    }

    [Fact]
    public void Hue_EmbeddedRoots_AreTheHueAndSignifyRootsByFingerprint()
    {
        var roots = HueTrustRoots.Hue.Certificates;

        Assert.Equal(
            [
                ("CN=root-bridge, O=Philips Hue, C=NL", "F0BD8E6509E82F774D63BC009D5388C969FE3DCF7D6D541D6351B72B898D8ACF"),
                ("CN=Hue Root CA 01, O=Signify Hue, C=NL", "D8B89448B2AF8E1676185AC07219EE9DCBC8F01C122A026A2A4B7B5CFE0328B8"),
            ],
            roots.Select(r => (r.Subject, r.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256))));
        Assert.All(roots, r => Assert.Equal(r.Subject, r.Issuer));
    }

    [Theory]
    [InlineData("001788fffe6a1b2c", true)]
    [InlineData("001788FFFE6A1B2C", true)]
    [InlineData("001788fffe6a1b2", false)]
    [InlineData("001788fffe6a1b2g", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsBridgeId_SixteenHexDigits(string? id, bool expected) =>
        Assert.Equal(expected, HueCertificateCheck.IsBridgeId(id));

    private static HueBridge Paired(FakeHueBridge bridge) => new(FakeHueBridge.BridgeId, bridge.Address, FakeHueBridge.Key);

    private HueConnections Connections() => new(FakeHueBridge.Trust, TimeProvider.System, _logs.CreateFactory());
}
