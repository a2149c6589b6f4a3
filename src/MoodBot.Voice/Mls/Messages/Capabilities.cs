using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>Capabilities (RFC 9420 section 7.2): what a member supports beyond the defaults.</summary>
public sealed record Capabilities(ushort[] Versions, ushort[] CipherSuites, ushort[] Extensions, ushort[] Proposals, ushort[] Credentials)
{
    public static Capabilities Read(ref TlsReader reader) => new(
        TlsVectors.ReadUInt16s(ref reader),
        TlsVectors.ReadUInt16s(ref reader),
        TlsVectors.ReadUInt16s(ref reader),
        TlsVectors.ReadUInt16s(ref reader),
        TlsVectors.ReadUInt16s(ref reader));

    public void Write(TlsWriter writer)
    {
        TlsVectors.WriteUInt16s(writer, Versions);
        TlsVectors.WriteUInt16s(writer, CipherSuites);
        TlsVectors.WriteUInt16s(writer, Extensions);
        TlsVectors.WriteUInt16s(writer, Proposals);
        TlsVectors.WriteUInt16s(writer, Credentials);
    }
}
