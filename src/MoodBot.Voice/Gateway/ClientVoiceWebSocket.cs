using System.Buffers;
using System.Net.WebSockets;

namespace MoodBot.Voice.Gateway;

/// <summary><see cref="IVoiceWebSocket"/> over <see cref="ClientWebSocket"/>.</summary>
public sealed class ClientVoiceWebSocket : IVoiceWebSocket
{
    private readonly ClientWebSocket _socket = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    /// <inheritdoc />
    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken) => _socket.ConnectAsync(uri, cancellationToken);

    /// <inheritdoc />
    public ValueTask SendAsync(ReadOnlyMemory<byte> message, WebSocketMessageType type, CancellationToken cancellationToken) =>
        _socket.SendAsync(message, type, endOfMessage: true, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<VoiceSocketMessage> ReceiveAsync(CancellationToken cancellationToken)
    {
        _buffer.Clear();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(_buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return VoiceSocketMessage.Closed((int?)_socket.CloseStatus ?? VoiceCloseCodes.AbnormalClosure);
                }

                _buffer.Advance(result.Count);
                if (result.EndOfMessage)
                {
                    return new VoiceSocketMessage(result.MessageType, _buffer.WrittenMemory.ToArray());
                }
            }
        }
        catch (WebSocketException) when (!cancellationToken.IsCancellationRequested)
        {
            // The TCP connection died without a close frame: Discord's clients treat that as resumable.
            return VoiceSocketMessage.Closed(VoiceCloseCodes.AbnormalClosure);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
