using System.Text.Json;

namespace MoodBot.Voice.Tests;

/// <summary>Reading vector fields: hex strings are bytes.</summary>
internal static class JsonVectorExtensions
{
    public static byte[] Hex(this JsonElement element, string name) => Convert.FromHexString(element.GetProperty(name).GetString()!);

    public static string HexString(this JsonElement element, string name) => element.GetProperty(name).GetString()!.ToUpperInvariant();

    public static int Int(this JsonElement element, string name) => element.GetProperty(name).GetInt32();

    public static uint UInt(this JsonElement element, string name) => element.GetProperty(name).GetUInt32();
}
