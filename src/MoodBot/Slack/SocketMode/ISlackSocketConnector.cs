using System.Net.WebSockets;

namespace MoodBot.Slack.SocketMode;

/// <summary>Opens the WebSocket; tests point it at a loopback server.</summary>
internal interface ISlackSocketConnector
{
    Task<WebSocket> ConnectAsync(Uri uri, CancellationToken cancellationToken);
}

internal sealed class ClientSlackSocketConnector : ISlackSocketConnector
{
    public async Task<WebSocket> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
