using System.Net;
using System.Net.Sockets;

namespace MoodBot.Voice.Transport;

/// <summary>
/// The UDP socket to the voice server from Ready's ip and port: IP discovery first, then RTP.
/// Connected, so the kernel drops datagrams from anyone else.
/// </summary>
public sealed class VoiceUdpConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly TimeProvider _time;

    private VoiceUdpConnection(Socket socket, TimeProvider time)
    {
        _socket = socket;
        _time = time;
    }

    /// <summary>The voice server's UDP endpoint.</summary>
    public IPEndPoint RemoteEndPoint => (IPEndPoint)_socket.RemoteEndPoint!;

    /// <summary>Our local endpoint (what a server on the same host sees).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Opens a socket connected to <paramref name="server"/>.</summary>
    public static async Task<VoiceUdpConnection> ConnectAsync(IPEndPoint server, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(time);
        var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            await socket.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
            return new VoiceUdpConnection(socket, time);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends the discovery request and waits for its response, ignoring stray datagrams; throws
    /// <see cref="TimeoutException"/> when none comes within <paramref name="timeout"/> (UDP blocked,
    /// or the server lost the packet: the caller reconnects).
    /// </summary>
    public async Task<DiscoveredEndpoint> DiscoverAsync(uint ssrc, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Created before the request goes out, so the timeout covers the whole exchange.
        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var buffer = new byte[IpDiscovery.PacketSize * 2];
        IpDiscovery.WriteRequest(ssrc, buffer);
        try
        {
            await _socket.SendAsync(buffer.AsMemory(0, IpDiscovery.PacketSize), SocketFlags.None, linked.Token).ConfigureAwait(false);
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, SocketFlags.None, linked.Token).ConfigureAwait(false);
                if (IpDiscovery.TryReadResponse(buffer.AsSpan(0, received), ssrc, out var endpoint))
                {
                    return endpoint;
                }
            }
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No IP discovery response from {RemoteEndPoint} within {timeout}.");
        }
    }

    /// <summary>Sends one datagram (a sealed RTP packet).</summary>
    public ValueTask<int> SendAsync(ReadOnlyMemory<byte> datagram, CancellationToken cancellationToken) =>
        _socket.SendAsync(datagram, SocketFlags.None, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}
