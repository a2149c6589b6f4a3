using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>GroupSecrets (RFC 9420 section 12.4.3): what a Welcome encrypts to each joiner: the
/// joiner_secret, the path secret of the lowest node the committer's path shares with the joiner
/// (when the Commit had a path), and the PSKs the epoch uses.</summary>
public sealed record GroupSecrets(byte[] JoinerSecret, byte[]? PathSecret, PreSharedKeyId[] Psks)
{
    public static GroupSecrets Read(ref TlsReader reader) => new(
        reader.ReadOpaque().ToArray(),
        reader.ReadPresence() ? reader.ReadOpaque().ToArray() : null,
        TlsVectors.Read(ref reader, PreSharedKeyId.Read));

    public static GroupSecrets Decode(ReadOnlySpan<byte> encoded) => TlsVectors.Decode(encoded, Read);

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteOpaque(JoinerSecret);
        if (PathSecret is null)
        {
            writer.WriteUInt8(0);
        }
        else
        {
            writer.WriteUInt8(1).WriteOpaque(PathSecret);
        }

        TlsVectors.Write(writer, Psks, static (w, p) => p.Write(w));
    }
}
