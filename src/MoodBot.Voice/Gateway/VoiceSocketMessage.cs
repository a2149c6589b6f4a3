using System.Net.WebSockets;

namespace MoodBot.Voice.Gateway;

/// <summary>One whole WebSocket message, or the close that ended the connection.</summary>
public sealed record VoiceSocketMessage(WebSocketMessageType Type, ReadOnlyMemory<byte> Payload, int? CloseCode = null)
{
    /// <summary>A close with <paramref name="code"/>.</summary>
    public static VoiceSocketMessage Closed(int code) => new(WebSocketMessageType.Close, ReadOnlyMemory<byte>.Empty, code);
}
