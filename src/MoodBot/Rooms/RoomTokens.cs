using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MoodBot.Rooms;

/// <summary>Join and admin tokens: 256 random bits, stored only as SHA-256, compared in constant time.</summary>
internal static class RoomTokens
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static bool Matches(string? token, byte[]? hash) =>
        !string.IsNullOrEmpty(token) && token.Length <= 128 && hash is not null && CryptographicOperations.FixedTimeEquals(Hash(token), hash);
}
