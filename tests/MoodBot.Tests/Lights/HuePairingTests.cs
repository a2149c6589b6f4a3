using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MoodBot.Lights;
using MoodBot.Lights.Bridges;
using MoodBot.Lights.Pairing;
using MoodBot.State;
using MoodBot.Tests.Audio.Gcs;
using MoodBot.Tests.Web;

namespace MoodBot.Tests.Lights;

/// <summary>Pairing against the fake bridge over HTTPS, with time driven by the test.</summary>
public sealed class HuePairingTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly CollectingLoggerProvider _logs = new();
    private readonly TempDirectory _state = new();
    private readonly ConcurrentQueue<HuePairingProgress> _progress = new();
    private StateStore _store = null!;
    private HueConnections _connections = null!;
    private FakeHueBridge _bridge = null!;

    public async Task InitializeAsync()
    {
        _store = new StateStore(_state.Path);
        _connections = new HueConnections(FakeHueBridge.Trust, _time, _logs.CreateFactory());
        _bridge = await FakeHueBridge.StartAsync();
    }

    public async Task DisposeAsync() => await _bridge.DisposeAsync();

    public void Dispose()
    {
        _connections.Dispose();
        _store.Dispose();
        _state.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task PairAsync_ButtonPressedAfterThreeAsks_SavesTheBridgeWithItsKey()
    {
        _bridge.LinkButtonPressedAfter = 3;

        var bridge = await Drive(Pairing().PairAsync(_bridge.Address, null, HuePairing.DefaultTimeout, Progress(), CancellationToken.None));

        Assert.Equal(new HueBridge(FakeHueBridge.BridgeId, _bridge.Address, FakeHueBridge.PairedKey), bridge);
        Assert.Equal(bridge, Assert.Single(new HueBridgeStore(_store).All()));
        Assert.Equal([1, 2, 3], _progress.Select(p => p.Attempt));
        Assert.All(_progress, p => Assert.Equal(FakeHueBridge.BridgeId, p.BridgeId));
        Assert.Equal(4, _bridge.Requests.Count(r => r is { Method: "POST", Path: "/api" }));
    }

    [Fact]
    public async Task PairAsync_RequestBody_MatchesTheSpecAndNamesThisMachine()
    {
        await Pairing().PairAsync(_bridge.Address, null, HuePairing.DefaultTimeout, null, CancellationToken.None);

        var request = _bridge.Requests.Single(r => r.Method == "POST");
        HueOpenApi.AssertValidRequest("POST", "/api", request.Body);
        Assert.Matches("""^\{"devicetype":"moodbot#[A-Za-z0-9]{1,19}","generateclientkey":true\}$""", request.Body);
    }

    [Fact]
    public async Task PairAsync_Logs_NeverContainTheKey()
    {
        _bridge.LinkButtonPressedAfter = 1;

        await Drive(Pairing().PairAsync(_bridge.Address, null, HuePairing.DefaultTimeout, Progress(), CancellationToken.None));

        Assert.Contains(_logs.Entries, e => e.Message.Contains("Paired with Hue bridge " + FakeHueBridge.BridgeId, StringComparison.Ordinal));
        Assert.All(_logs.Entries, e => Assert.DoesNotContain(FakeHueBridge.PairedKey, e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PairAsync_NobodyPressesTheButton_GivesUpAfterTheTimeoutWithOneLine()
    {
        _bridge.LinkButtonPressedAfter = int.MaxValue;

        var error = await Assert.ThrowsAsync<HueException>(() =>
            Drive(Pairing().PairAsync(_bridge.Address, null, TimeSpan.FromSeconds(5), Progress(), CancellationToken.None)));

        Assert.Equal($"nobody pressed the link button on Hue bridge {FakeHueBridge.BridgeId} at {_bridge.Address.Authority} within 5 s; press it, then pair again", error.Message);
        Assert.Equal(5, _progress.Count);
        Assert.Empty(new HueBridgeStore(_store).All());
    }

    [Fact]
    public async Task PairAsync_OtherError_SaysTheBridgeRefused()
    {
        _bridge.Script = (r, _) => Task.FromResult<(int, string)?>(r.Method == "POST"
            ? (200, """[{"error":{"type":7,"address":"/devicetype","description":"invalid value for parameter, devicetype"}}]""")
            : null);

        var error = await Assert.ThrowsAsync<HueException>(() => Pairing().PairAsync(_bridge.Address, null, HuePairing.DefaultTimeout, null, CancellationToken.None));

        Assert.Equal($"Hue bridge {FakeHueBridge.BridgeId} at {_bridge.Address.Authority} refused to pair: invalid value for parameter, devicetype (error 7)", error.Message);
    }

    [Fact]
    public async Task PairAsync_NothingListening_SaysUnreachable()
    {
        var address = _bridge.Address;
        await _bridge.DisposeAsync();
        _bridge = await FakeHueBridge.StartAsync();

        var error = await Assert.ThrowsAsync<HueException>(() => Pairing().PairAsync(address, null, HuePairing.DefaultTimeout, null, CancellationToken.None));

        Assert.StartsWith($"{address.Authority} is unreachable (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("is the address right and the bridge switched on?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PairAsync_NotABridge_SaysSo()
    {
        _bridge.Script = (_, _) => Task.FromResult<(int, string)?>((200, "<html>router login</html>"));

        var error = await Assert.ThrowsAsync<HueException>(() => Pairing().PairAsync(_bridge.Address, null, HuePairing.DefaultTimeout, null, CancellationToken.None));

        Assert.Equal($"{_bridge.Address.Authority} did not answer GET /api/0/config as a Hue bridge does: is the address a Hue bridge?", error.Message);
    }

    [Fact]
    public async Task PairAsync_ConfigNamesAnotherBridgeThanTheCertificate_IsRefused()
    {
        _bridge.Script = (r, _) => Task.FromResult<(int, string)?>(r.Path == "/api/0/config"
            ? (200, FakeHueBridge.Config.Replace(FakeHueBridge.BridgeId.ToUpperInvariant(), "001788FFFE000001", StringComparison.Ordinal))
            : null);

        var error = await Assert.ThrowsAsync<HueException>(() => Pairing().PairAsync(_bridge.Address, null, HuePairing.DefaultTimeout, null, CancellationToken.None));

        Assert.Contains("is not a Hue bridge: its certificate names bridge " + FakeHueBridge.BridgeId, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_bridge.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task PairAsync_DiscoveredIdDiffersFromTheCertificate_IsRefusedBeforeAnyRequest()
    {
        var error = await Assert.ThrowsAsync<HueException>(() => Pairing().PairAsync(_bridge.Address, "001788fffe000001", HuePairing.DefaultTimeout, null, CancellationToken.None));

        Assert.Equal(
            $"{_bridge.Address.Authority} cannot be trusted: the certificate is for bridge {FakeHueBridge.BridgeId}, not bridge 001788fffe000001: another bridge answers at that address now; pair again with `lights pair`",
            error.Message);
        Assert.Empty(_bridge.Requests);
    }

    [Fact]
    public async Task PairAsync_CertificateFromAnotherCa_IsRefused()
    {
        await _bridge.DisposeAsync();
        _bridge = await FakeHueBridge.StartAsync(TestHueCertificates.Bridge(FakeHueBridge.BridgeId, TestHueCertificates.OtherCa));

        var error = await Assert.ThrowsAsync<HueException>(() => Pairing().PairAsync(_bridge.Address, null, HuePairing.DefaultTimeout, null, CancellationToken.None));

        Assert.StartsWith($"{_bridge.Address.Authority} cannot be trusted: its certificate is not signed by the Hue root CA", error.Message, StringComparison.Ordinal);
        Assert.Empty(_bridge.Requests);
    }

    [Theory]
    [InlineData("192.168.1.20", "https://192.168.1.20/")]
    [InlineData(" 192.168.1.20:8443 ", "https://192.168.1.20:8443/")]
    [InlineData("https://hue-bridge.local/", "https://hue-bridge.local/")]
    [InlineData("[fe80::1]", "https://[fe80::1]/")]
    public void HueAddress_Valid_IsAnHttpsBase(string text, string expected)
    {
        Assert.True(HueAddress.TryParse(text, out var address, out _));
        Assert.Equal(expected, address.ToString());
    }

    [Theory]
    [InlineData("", "the bridge address is empty")]
    [InlineData("http://192.168.1.20", "over HTTPS only")]
    [InlineData("192.168.1.20/api", "is not a bridge address")]
    [InlineData("not a host", "is not a bridge address")]
    [InlineData("ftp://192.168.1.20", "is not a bridge address")]
    public void HueAddress_Invalid_SaysWhy(string text, string message)
    {
        Assert.False(HueAddress.TryParse(text, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    private HuePairing Pairing() => new(_connections, new HueBridgeStore(_store), _time, _logs.CreateFactory().CreateLogger<HuePairing>());

    private ReportTo Progress() => new(_progress);

    /// <summary>
    /// Plays the person waiting: after each "link button not pressed" the pairing reports, one poll
    /// interval passes. The timer remembers a tick that comes before it is awaited, so none is lost.
    /// </summary>
    private async Task<T> Drive<T>(Task<T> pairing)
    {
        var seen = 0;
        while (!pairing.IsCompleted)
        {
            await RunningBot.WaitUntilAsync(() => pairing.IsCompleted || _progress.Count > seen, "the pairing asked again or ended");
            if (_progress.Count > seen)
            {
                seen++;
                _time.Advance(HuePairing.PollInterval);
            }
        }

        return await pairing;
    }

    private sealed class ReportTo(ConcurrentQueue<HuePairingProgress> reports) : IProgress<HuePairingProgress>
    {
        public void Report(HuePairingProgress value) => reports.Enqueue(value);
    }
}
