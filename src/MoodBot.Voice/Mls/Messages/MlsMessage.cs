using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.Framing;
using MoodBot.Voice.Mls.KeySchedule;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>MLSMessage (RFC 9420 section 6): version mls10, a wire format, and the message of that
/// format. Exactly one of the body properties is set, the one <see cref="WireFormat"/> names.</summary>
public sealed record MlsMessage(
    WireFormat WireFormat,
    PublicMessage? PublicMessage = null,
    PrivateMessage? PrivateMessage = null,
    Welcome? Welcome = null,
    GroupInfo? GroupInfo = null,
    KeyPackage? KeyPackage = null)
{
    public static MlsMessage Read(ref TlsReader reader)
    {
        var version = reader.ReadUInt16();
        if (version != GroupContext.Mls10)
        {
            throw new TlsDecodeException($"Unsupported protocol version {version}.");
        }

        var wireFormat = (WireFormat)reader.ReadUInt16();
        return wireFormat switch
        {
            WireFormat.PublicMessage => new MlsMessage(wireFormat, PublicMessage: PublicMessage.Read(ref reader)),
            WireFormat.PrivateMessage => new MlsMessage(wireFormat, PrivateMessage: PrivateMessage.Read(ref reader)),
            WireFormat.Welcome => new MlsMessage(wireFormat, Welcome: Welcome.Read(ref reader)),
            WireFormat.GroupInfo => new MlsMessage(wireFormat, GroupInfo: GroupInfo.Read(ref reader)),
            WireFormat.KeyPackage => new MlsMessage(wireFormat, KeyPackage: KeyPackage.Read(ref reader)),
            _ => throw new TlsDecodeException($"Unknown wire format {(ushort)wireFormat}."),
        };
    }

    public static MlsMessage Decode(ReadOnlySpan<byte> encoded) => TlsVectors.Decode(encoded, Read);

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt16(GroupContext.Mls10).WriteUInt16((ushort)WireFormat);
        switch (WireFormat)
        {
            case WireFormat.PublicMessage:
                Body(PublicMessage).Write(writer);
                break;
            case WireFormat.PrivateMessage:
                Body(PrivateMessage).Write(writer);
                break;
            case WireFormat.Welcome:
                Body(Welcome).Write(writer);
                break;
            case WireFormat.GroupInfo:
                Body(GroupInfo).Write(writer);
                break;
            case WireFormat.KeyPackage:
                Body(KeyPackage).Write(writer);
                break;
            default:
                throw new InvalidOperationException($"Unknown wire format {(ushort)WireFormat}.");
        }
    }

    public byte[] Encode() => TlsVectors.Encode(this, static (w, m) => m.Write(w));

    private T Body<T>(T? body)
        where T : class =>
        body ?? throw new InvalidOperationException($"An MLSMessage of wire format {WireFormat} holds no {typeof(T).Name}.");
}
