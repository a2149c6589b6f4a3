using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Messages;

/// <summary>Extension { ExtensionType extension_type; opaque extension_data&lt;V&gt;; } (RFC 9420 section 13.4).
/// The data is kept encoded; the types this library reads (ratchet_tree) are decoded where used.</summary>
public sealed record Extension(ushort Type, byte[] Data)
{
    /// <summary>ratchet_tree (section 12.4.3.3): the tree carried in a GroupInfo.</summary>
    public const ushort RatchetTree = 2;

    /// <summary>external_senders (section 12.1.8.1): who may send proposals from outside the group.</summary>
    public const ushort ExternalSenders = 5;

    public static Extension Read(ref TlsReader reader) => new(reader.ReadUInt16(), reader.ReadOpaque().ToArray());

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt16(Type).WriteOpaque(Data);
    }

    public static Extension[] ReadList(ref TlsReader reader) => TlsVectors.Read(ref reader, Read);

    public static void WriteList(TlsWriter writer, IReadOnlyList<Extension> extensions) =>
        TlsVectors.Write(writer, extensions, static (w, e) => e.Write(w));

    /// <summary>The extensions as a GroupContext holds them: the content of the vector, without its length.</summary>
    public static byte[] EncodeContent(IReadOnlyList<Extension> extensions)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        var writer = new TlsWriter();
        foreach (var extension in extensions)
        {
            extension.Write(writer);
        }

        return writer.ToArray();
    }

    /// <summary>The extensions from a GroupContext's encoded vector content.</summary>
    public static Extension[] DecodeContent(ReadOnlySpan<byte> content)
    {
        var reader = new TlsReader(content);
        var list = new List<Extension>();
        while (!reader.IsEmpty)
        {
            list.Add(Read(ref reader));
        }

        return [.. list];
    }

    /// <summary>The extension of <paramref name="type"/> in a list, or null.</summary>
    public static Extension? Find(IEnumerable<Extension> extensions, ushort type) => extensions.FirstOrDefault(e => e.Type == type);
}
