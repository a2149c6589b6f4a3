namespace MoodBot.Discord.Gateway;

/// <summary>
/// A gateway payload over Discord's 4096-byte limit. Discord would close the connection with
/// 4002 on it, dropping every other event in flight; refusing it here costs only this send.
/// </summary>
public sealed class GatewayPayloadTooLargeException : Exception
{
    public GatewayPayloadTooLargeException()
    {
    }

    public GatewayPayloadTooLargeException(string message) : base(message)
    {
    }

    public GatewayPayloadTooLargeException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public GatewayPayloadTooLargeException(int opcode, int size)
        : base($"Gateway op {opcode} payload is {size} bytes; Discord allows at most {GatewayClient.MaxPayloadBytes} and would close the connection (4002).")
    {
        Opcode = opcode;
        Size = size;
    }

    public int? Opcode { get; }

    public int? Size { get; }
}
