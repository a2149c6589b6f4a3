using System.Net.WebSockets;

namespace MoodBot.Voice.Gateway;

/// <summary>The voice gateway's WebSocket, narrowed to what the client needs, so tests can swap the transport.</summary>
public interface IVoiceWebSocket : IAsyncDisposable
{
    /// <summary>Opens the connection.</summary>
    Task ConnectAsync(Uri uri, CancellationToken cancellationToken);

    /// <summary>Sends one whole message. Callers serialise their sends.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> message, WebSocketMessageType type, CancellationToken cancellationToken);

    /// <summary>Receives one whole message; a close, or a connection lost without one (1006), comes back as a close message.</summary>
    ValueTask<VoiceSocketMessage> ReceiveAsync(CancellationToken cancellationToken);
}
