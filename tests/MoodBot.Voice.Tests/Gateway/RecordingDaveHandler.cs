using System.Text.Json;
using System.Threading.Channels;
using MoodBot.Voice.Gateway;

namespace MoodBot.Voice.Tests.Gateway;

/// <summary>Records what the gateway client hands to DAVE.</summary>
internal sealed class RecordingDaveHandler : IDaveSessionHandler
{
    public Channel<int> SessionDescriptions { get; } = Channel.CreateUnbounded<int>();

    public Channel<(VoiceOpcode Opcode, string Json)> JsonMessages { get; } = Channel.CreateUnbounded<(VoiceOpcode, string)>();

    public Channel<(VoiceOpcode Opcode, byte[] Payload)> BinaryMessages { get; } = Channel.CreateUnbounded<(VoiceOpcode, byte[])>();

    public ValueTask OnSessionDescriptionAsync(int daveProtocolVersion, CancellationToken cancellationToken) =>
        SessionDescriptions.Writer.WriteAsync(daveProtocolVersion, cancellationToken);

    public ValueTask OnJsonMessageAsync(VoiceOpcode opcode, JsonElement data, CancellationToken cancellationToken) =>
        JsonMessages.Writer.WriteAsync((opcode, data.GetRawText()), cancellationToken);

    public ValueTask OnBinaryMessageAsync(VoiceOpcode opcode, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        BinaryMessages.Writer.WriteAsync((opcode, payload.ToArray()), cancellationToken);
}
