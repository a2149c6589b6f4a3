using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using MoodBot.Voice.Transport;

namespace MoodBot.Voice.Tests.Transport;

public sealed class IpDiscoveryTests
{
    [Fact]
    public void WriteRequest_Ssrc_Gives74BytesTypeOneLength70()
    {
        var packet = new byte[IpDiscovery.PacketSize];

        IpDiscovery.WriteRequest(0x01020304, packet);

        Assert.Equal("0001" + "0046" + "01020304" + new string('0', 128) + "0000", Convert.ToHexString(packet));
    }

    [Fact]
    public void TryReadResponse_ServerAnswer_GivesNulTerminatedAddressAndBigEndianPort()
    {
        var packet = new byte[IpDiscovery.PacketSize];
        BinaryPrimitives.WriteUInt16BigEndian(packet, 2);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), 70);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), 99);
        "203.0.113.7"u8.CopyTo(packet.AsSpan(8));
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(72), 50_123);

        Assert.True(IpDiscovery.TryReadResponse(packet, 99, out var endpoint));
        Assert.Equal(new DiscoveredEndpoint("203.0.113.7", 50_123), endpoint);
        Assert.False(IpDiscovery.TryReadResponse(packet, 98, out _));
        Assert.False(IpDiscovery.TryReadResponse(packet.AsSpan(0, 73), 99, out _));
    }

    [Fact]
    public async Task DiscoverAsync_LoopbackServer_GivesAddressAndPortItSaw()
    {
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var udp = await VoiceUdpConnection.ConnectAsync((IPEndPoint)server.LocalEndPoint!, TimeProvider.System, CancellationToken.None);

        var discovery = udp.DiscoverAsync(ssrc: 4242, TimeSpan.FromMinutes(1), CancellationToken.None);
        var buffer = new byte[256];
        var request = await server.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0));
        Assert.Equal(IpDiscovery.PacketSize, request.ReceivedBytes);
        Assert.Equal(1, BinaryPrimitives.ReadUInt16BigEndian(buffer));
        Assert.Equal(4242u, BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(4)));
        var client = (IPEndPoint)request.RemoteEndPoint;
        var response = new byte[IpDiscovery.PacketSize];
        // A stray datagram for another SSRC first: it must be skipped, not taken for the answer.
        IpDiscovery.Write(IpDiscovery.ResponseType, 1, "198.51.100.1", 1, response);
        await server.SendToAsync(response, client);
        IpDiscovery.Write(IpDiscovery.ResponseType, 4242, client.Address.ToString(), (ushort)client.Port, response);
        await server.SendToAsync(response, client);

        var endpoint = await discovery;

        Assert.Equal(new DiscoveredEndpoint("127.0.0.1", (ushort)udp.LocalEndPoint.Port), endpoint);
    }

    [Fact]
    public async Task DiscoverAsync_FirstRequestLost_ResendsEverySecondUntilAnswered()
    {
        var time = new FakeTimeProvider();
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var udp = await VoiceUdpConnection.ConnectAsync((IPEndPoint)server.LocalEndPoint!, time, CancellationToken.None);
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(15));

        var discovery = udp.DiscoverAsync(ssrc: 4242, TimeSpan.FromSeconds(5), CancellationToken.None);
        // The server drops the first request, as a lossy network would.
        var first = new byte[256];
        var lost = await server.ReceiveFromAsync(first, new IPEndPoint(IPAddress.Any, 0), bounded.Token);
        time.Advance(VoiceUdpConnection.DiscoveryResendInterval);
        var second = new byte[256];
        var request = await server.ReceiveFromAsync(second, new IPEndPoint(IPAddress.Any, 0), bounded.Token);
        Assert.Equal(first.AsSpan(0, lost.ReceivedBytes), second.AsSpan(0, request.ReceivedBytes));
        var client = (IPEndPoint)request.RemoteEndPoint;
        var response = new byte[IpDiscovery.PacketSize];
        IpDiscovery.Write(IpDiscovery.ResponseType, 4242, client.Address.ToString(), (ushort)client.Port, response);
        await server.SendToAsync(response, client, bounded.Token);

        var endpoint = await discovery.WaitAsync(bounded.Token);

        Assert.Equal(new DiscoveredEndpoint("127.0.0.1", (ushort)udp.LocalEndPoint.Port), endpoint);
        // Answered: no more requests, however much time passes.
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(0, server.Available);
    }

    [Fact]
    public async Task DiscoverAsync_ServerNeverAnswers_ThrowsTimeoutWhenTimeoutPasses()
    {
        var time = new FakeTimeProvider();
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var udp = await VoiceUdpConnection.ConnectAsync((IPEndPoint)server.LocalEndPoint!, time, CancellationToken.None);

        var discovery = udp.DiscoverAsync(ssrc: 1, TimeSpan.FromSeconds(5), CancellationToken.None);
        // The request has gone out, so the timeout is armed; it must not fire a tick early.
        await server.ReceiveFromAsync(new byte[256], new IPEndPoint(IPAddress.Any, 0));
        time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1));
        Assert.False(discovery.IsCompleted);
        time.Advance(TimeSpan.FromTicks(1));

        await Assert.ThrowsAsync<TimeoutException>(() => discovery);
    }
}
