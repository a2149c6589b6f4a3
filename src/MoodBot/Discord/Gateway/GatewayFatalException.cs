namespace MoodBot.Discord.Gateway;

/// <summary>The gateway closed with a code after which reconnecting cannot succeed (4004, 4010-4014).</summary>
public sealed class GatewayFatalException : Exception
{
    public GatewayFatalException()
    {
    }

    public GatewayFatalException(string message) : base(message)
    {
    }

    public GatewayFatalException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public GatewayFatalException(int closeCode, string? description)
        : base($"Discord gateway closed with {closeCode} ({description}); not reconnecting.") => CloseCode = closeCode;

    public int? CloseCode { get; }
}
