namespace MoodBot.Voice.Transport;

/// <summary>Our public address and port as the voice server saw them, for Select Protocol.</summary>
public readonly record struct DiscoveredEndpoint(string Address, ushort Port);
