using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MoodBot.Cli;
using MoodBot.Lights;
using MoodBot.Lights.Bridges;
using MoodBot.State;
using MoodBot.Tests.Lights;

namespace MoodBot.Tests.Cli;

/// <summary><c>lights pair|list|forget</c> against the fake bridge over HTTPS, with a state folder of the test's own.</summary>
public sealed class LightsCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _state = new();
    private FakeHueBridge _bridge = null!;

    public async Task InitializeAsync() => _bridge = await FakeHueBridge.StartAsync();

    public async Task DisposeAsync() => await _bridge.DisposeAsync();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task Pair_Address_PairsSavesAndNeverPrintsTheKey()
    {
        var (code, output, err) = await Run("lights", "pair", "--address", _bridge.Address.Authority);

        Assert.Equal(CommandLine.Ok, code);
        Assert.Contains($"Press the link button on the Hue bridge at {_bridge.Address.Authority} now", output, StringComparison.Ordinal);
        Assert.EndsWith($"Paired with Hue bridge {FakeHueBridge.BridgeId} at {_bridge.Address.Authority}{Environment.NewLine}", output, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeHueBridge.PairedKey, output + err, StringComparison.Ordinal);
        using var store = new StateStore(_state.Path);
        Assert.Equal(FakeHueBridge.PairedKey, Assert.Single(new HueBridgeStore(store).All()).ApplicationKey);
    }

    [Fact]
    public async Task List_PairedBridge_ShowsItsRoomsAndZones()
    {
        Save();

        var (code, output, _) = await Run("lights", "list");

        Assert.Equal(CommandLine.Ok, code);
        Assert.Equal(
            $"Hue bridge {FakeHueBridge.BridgeId} at {_bridge.Address.Authority}\n  room  Living room\n  room  Office\n  zone  Downstairs\n",
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task List_NothingPaired_SaysHowToPair()
    {
        var (code, output, _) = await Run("lights", "list");

        Assert.Equal(CommandLine.Ok, code);
        Assert.Contains("lights pair", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_PairedBridge_RemovesIt()
    {
        Save();

        var (code, output, _) = await Run("lights", "forget", FakeHueBridge.BridgeId.ToUpperInvariant());

        Assert.Equal(CommandLine.Ok, code);
        Assert.StartsWith($"Forgot Hue bridge {FakeHueBridge.BridgeId}", output, StringComparison.Ordinal);
        using var store = new StateStore(_state.Path);
        Assert.Empty(new HueBridgeStore(store).All());
    }

    [Theory]
    [InlineData(CommandLine.Failed, "no paired Hue bridge 001788fffe000001", "lights", "forget", "001788fffe000001")]
    [InlineData(CommandLine.Usage, "'kitchen' is not a bridge id", "lights", "forget", "kitchen")]
    [InlineData(CommandLine.Usage, "lights: use `lights pair", "lights")]
    [InlineData(CommandLine.Usage, "lights: use `lights pair", "lights", "dance")]
    [InlineData(CommandLine.Usage, "bridges are reached over HTTPS only", "lights", "pair", "--address", "http://192.168.1.20")]
    [InlineData(CommandLine.Usage, "--timeout must be 1-300 seconds, not 0", "lights", "pair", "--address", "192.168.1.20", "--timeout", "0")]
    [InlineData(CommandLine.Usage, "unknown option --adress", "lights", "pair", "--adress", "192.168.1.20")]
    public async Task BadInput_OneClearLine(int expected, string message, params string[] args)
    {
        var (code, _, err) = await Run(args);

        Assert.Equal(expected, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public async Task Pair_CertificateOfAnotherCa_FailsWithOneLine()
    {
        await _bridge.DisposeAsync();
        _bridge = await FakeHueBridge.StartAsync(TestHueCertificates.Bridge(FakeHueBridge.BridgeId, TestHueCertificates.OtherCa));

        var (code, _, err) = await Run("lights", "pair", "--address", _bridge.Address.Authority);

        Assert.Equal(CommandLine.Failed, code);
        Assert.StartsWith($"error: {_bridge.Address.Authority} cannot be trusted: its certificate is not signed by the Hue root CA", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public async Task Help_ListsTheLightsVerbs()
    {
        var (_, output, _) = await Run("help");

        Assert.Contains("lights pair [--address HOST] [--timeout S]", output, StringComparison.Ordinal);
        Assert.Contains("lights forget <bridge id>", output, StringComparison.Ordinal);
    }

    private void Save()
    {
        using var store = new StateStore(_state.Path);
        new HueBridgeStore(store).Save(new HueBridge(FakeHueBridge.BridgeId, _bridge.Address, FakeHueBridge.Key));
    }

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr, new StringReader(""), builder =>
        {
            builder.Configuration["State:Path"] = _state.Path;
            builder.Services.AddSingleton(FakeHueBridge.Trust);
        });
        var err = stderr.ToString();
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        return (code, stdout.ToString(), err);
    }
}
