using System.Text.Json;

namespace MoodBot.Voice.Gateway;

/// <summary>
/// Where the voice gateway client hands what DAVE needs: the negotiated protocol version, the JSON
/// messages it does not handle itself (5 Speaking from other users, which maps their SSRC to their
/// user id; 11, 13, 21, 22, 24 and any unknown op), and the binary DAVE
/// messages (25, 27, 29, 30; the client has already stripped the sequence number and opcode). DAVE
/// answers through <see cref="VoiceGatewayClient.SendBinaryAsync"/> and
/// <see cref="VoiceGatewayClient.SendJsonAsync"/>. Calls come one at a time, from the receive loop.
/// </summary>
public interface IDaveSessionHandler
{
    /// <summary>Session Description arrived; a nonzero version means DAVE should send a KeyPackage now.</summary>
    ValueTask OnSessionDescriptionAsync(int daveProtocolVersion, CancellationToken cancellationToken);

    /// <summary>A JSON message the gateway client leaves to DAVE and the call's bookkeeping.</summary>
    ValueTask OnJsonMessageAsync(VoiceOpcode opcode, JsonElement data, CancellationToken cancellationToken);

    /// <summary>A binary DAVE message's payload.</summary>
    ValueTask OnBinaryMessageAsync(VoiceOpcode opcode, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}
