using System.Text.Json;
using MoodBot.Voice.Gateway;

namespace MoodBot.Discord.Voice;

/// <summary>
/// The stand-in until the DAVE session lands: it ignores DAVE messages and can send media only on
/// calls without DAVE (protocol version 0). Discord has required DAVE on every call since March
/// 2026, so with this in place real voice servers describe protocol 1 and MoodBot plays nothing
/// (it says so and leaves); a server that negotiates version 0, like the tests' fake, gets audio.
/// </summary>
internal sealed class NoVoiceDave : IVoiceDave
{
    public void Attach(VoiceGatewayClient client)
    {
    }

    public bool Supports(int daveProtocolVersion) => daveProtocolVersion == 0;

    public ReadOnlyMemory<byte> Protect(ReadOnlyMemory<byte> opusFrame) => opusFrame;

    public ValueTask OnSessionDescriptionAsync(int daveProtocolVersion, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask OnJsonMessageAsync(VoiceOpcode opcode, JsonElement data, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask OnBinaryMessageAsync(VoiceOpcode opcode, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public void Dispose()
    {
    }
}
