using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>Lifetime { uint64 not_before; uint64 not_after; } in seconds since the Unix epoch (RFC 9420 section 7.2).</summary>
public sealed record Lifetime(ulong NotBefore, ulong NotAfter)
{
    public static Lifetime Read(ref TlsReader reader) => new(reader.ReadUInt64(), reader.ReadUInt64());

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt64(NotBefore).WriteUInt64(NotAfter);
    }
}
