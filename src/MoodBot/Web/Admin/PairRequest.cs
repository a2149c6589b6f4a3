namespace MoodBot.Web.Admin;

/// <param name="Address">The bridge's IP address or host name, as typed or as discovery gave it.</param>
/// <param name="BridgeId">The id discovery gave with the address, if any: the certificate must then name it.</param>
internal sealed record PairRequest(string? Address, string? BridgeId);
