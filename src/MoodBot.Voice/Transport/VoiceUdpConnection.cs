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

    /// <summary>How often the discovery request is sent again while no answer has come: UDP may drop either datagram.</summary>
    public static readonly TimeSpan DiscoveryResendInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Sends the discovery request, again every <see cref="DiscoveryResendInterval"/>, and waits for
    /// its response, ignoring stray datagrams; throws <see cref="TimeoutException"/> when none comes
    /// within <paramref name="timeout"/> (UDP blocked: the caller reconnects).
    /// </summary>
    public async Task<DiscoveredEndpoint> DiscoverAsync(uint ssrc, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Created before the request goes out, so the timeout covers the whole exchange.
        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var request = new byte[IpDiscovery.PacketSize];
        IpDiscovery.WriteRequest(ssrc, request);
        var buffer = new byte[IpDiscovery.PacketSize * 2];
        using var answered = CancellationTokenSource.CreateLinkedTokenSource(linked.Token);
        // Its timer starts before the first request goes out, so resends keep to whole seconds after it.
        var resending = ResendAsync(request, answered.Token);
        try
        {
            await _socket.SendAsync(request, SocketFlags.None, linked.Token).ConfigureAwait(false);
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
        finally
        {
            await answered.CancelAsync().ConfigureAwait(false);
            await resending.ConfigureAwait(false);
        }
    }

    /// <summary>Sends <paramref name="request"/> again each interval until cancelled (answered, timed out or given up).</summary>
    private async Task ResendAsync(byte[] request, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(DiscoveryResendInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await _socket.SendAsync(request, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The exchange is over: DiscoverAsync has its answer, its timeout, or was cancelled.
        }
        catch (SocketException)
        {
            // The socket failed (an ICMP "port unreachable", say): the receive in DiscoverAsync sees the
            // same error and reports it, or the timeout does; resending more cannot help.
        }
    }

    /// <summary>Sends one datagram (a sealed RTP packet).</summary>
    public ValueTask<int> SendAsync(ReadOnlyMemory<byte> datagram, CancellationToken cancellationToken) =>
        _socket.SendAsync(datagram, SocketFlags.None, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}
