using System.Net.WebSockets;

namespace MoodBot.Discord.Gateway;

/// <summary>Opens the WebSocket; tests point it at a loopback server.</summary>
internal interface IGatewayConnector
{
    Task<WebSocket> ConnectAsync(Uri uri, CancellationToken cancellationToken);
}
