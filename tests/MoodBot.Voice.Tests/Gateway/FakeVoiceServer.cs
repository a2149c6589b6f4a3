using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MoodBot.Voice.Tests.Gateway;

/// <summary>
/// A loopback voice server: a real Kestrel WebSocket endpoint speaking the voice gateway's JSON and
/// binary frames, and a real UDP socket. The test drives each accepted connection step by step.
/// </summary>
internal sealed class FakeVoiceServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<FakeVoiceConnection> _connections = Channel.CreateUnbounded<FakeVoiceConnection>();
    private readonly System.Collections.Concurrent.ConcurrentBag<FakeVoiceConnection> _accepted = [];

    private FakeVoiceServer(WebApplication app, Socket udp)
    {
        _app = app;
        Udp = udp;
    }

    public Socket Udp { get; }

    public int UdpPort => ((IPEndPoint)Udp.LocalEndPoint!).Port;

    public Uri GatewayUri { get; private set; } = null!;

    public static async Task<FakeVoiceServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var server = new FakeVoiceServer(app, udp);
        app.UseWebSockets();
        app.Map("/", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest || context.Request.Query["v"] != "8")
            {
                context.Response.StatusCode = 400;
                return;
            }

            var socket = await context.WebSockets.AcceptWebSocketAsync();
            var connection = new FakeVoiceConnection(socket);
            server._accepted.Add(connection);
            await server._connections.Writer.WriteAsync(connection);
            await connection.Done.Task;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.GatewayUri = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/?v=8");
        return server;
    }

    public ValueTask<FakeVoiceConnection> AcceptAsync() => _connections.Reader.ReadAsync();

    /// <summary>Answers one IP discovery request with the address and port the request came from.</summary>
    public async Task<IPEndPoint> AnswerIpDiscoveryAsync(uint ssrc)
    {
        var buffer = new byte[256];
        var request = await Udp.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0));
        Assert.Equal(74, request.ReceivedBytes);
        Assert.Equal(1, BinaryPrimitives.ReadUInt16BigEndian(buffer));
        Assert.Equal(70, BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(2)));
        Assert.Equal(ssrc, BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(4)));
        var client = (IPEndPoint)request.RemoteEndPoint;
        var response = new byte[74];
        BinaryPrimitives.WriteUInt16BigEndian(response, 2);
        BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(2), 70);
        BinaryPrimitives.WriteUInt32BigEndian(response.AsSpan(4), ssrc);
        Encoding.ASCII.GetBytes(client.Address.ToString(), response.AsSpan(8));
        BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(72), (ushort)client.Port);
        await Udp.SendToAsync(response, client);
        return client;
    }

    public async Task<byte[]> ReceiveDatagramAsync()
    {
        var buffer = new byte[2048];
        var received = await Udp.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0));
        return buffer[..received.ReceivedBytes];
    }

    public async ValueTask DisposeAsync()
    {
        Udp.Dispose();
        foreach (var connection in _accepted)
        {
            connection.Done.TrySetResult();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed class FakeVoiceConnection(WebSocket socket)
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task SendJsonAsync(int op, object data, int? seq = null)
    {
        var message = new JsonObject { ["op"] = op, ["d"] = JsonSerializer.SerializeToNode(data) };
        if (seq is not null)
        {
            message["seq"] = seq;
        }

        return socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
    }

    /// <summary>A server binary frame: [u16 BE seq][u8 opcode][payload].</summary>
    public Task SendBinaryAsync(ushort seq, byte op, byte[] payload)
    {
        var frame = new byte[3 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, seq);
        frame[2] = op;
        payload.CopyTo(frame, 3);
        return socket.SendAsync(frame, WebSocketMessageType.Binary, true, CancellationToken.None);
    }

    public async Task<(WebSocketMessageType Type, byte[] Payload)> ReceiveAsync()
    {
        var stream = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            stream.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (result.MessageType, stream.ToArray());
            }
        }
    }

    /// <summary>Receives the next JSON message, skipping heartbeats unless asked for one.</summary>
    public async Task<JsonElement> ReceiveJsonAsync(int expectedOp)
    {
        while (true)
        {
            var (type, payload) = await ReceiveAsync();
            Assert.Equal(WebSocketMessageType.Text, type);
            var message = JsonDocument.Parse(payload).RootElement;
            var op = message.GetProperty("op").GetInt32();
            if (op == 3 && expectedOp != 3)
            {
                continue;
            }

            Assert.Equal(expectedOp, op);
            return message.GetProperty("d");
        }
    }

    public async Task CloseAsync(int code)
    {
        await socket.CloseOutputAsync((WebSocketCloseStatus)code, "test", CancellationToken.None);
        Done.TrySetResult();
    }
}
