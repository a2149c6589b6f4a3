using System.Net.WebSockets;

namespace MoodBot.Chat;

/// <summary>Opens a client WebSocket (Discord's gateway, Slack's Socket Mode); tests substitute their own.</summary>
internal interface IWebSocketConnector
{
    Task<WebSocket> ConnectAsync(Uri uri, CancellationToken cancellationToken);
}
