namespace MoodBot.Voice.Mls.Codec;

/// <summary>Reads one element of a vector; a delegate because <see cref="TlsReader"/> is a ref struct.</summary>
public delegate T TlsItemReader<out T>(ref TlsReader reader);

/// <summary>Vectors of structures, T items&lt;V&gt; (RFC 9420 section 2.1.2): a varint byte length, then
/// the items back to back. An item that runs past the declared length is malformed.</summary>
public static class TlsVectors
{
    public static T[] Read<T>(ref TlsReader reader, TlsItemReader<T> readItem)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        var items = reader.ReadVector();
        var list = new List<T>();
        while (!items.IsEmpty)
        {
            list.Add(readItem(ref items));
        }

        return [.. list];
    }

    public static void Write<T>(TlsWriter writer, IReadOnlyList<T> items, Action<TlsWriter, T> writeItem)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(writeItem);
        var inner = new TlsWriter();
        foreach (var item in items)
        {
            writeItem(inner, item);
        }

        writer.WriteOpaque(inner.WrittenSpan);
    }

    /// <summary>A vector of opaque&lt;V&gt; values (e.g. X.509 certificate chains).</summary>
    public static byte[][] ReadOpaques(ref TlsReader reader) => Read(ref reader, static (ref TlsReader r) => r.ReadOpaque().ToArray());

    public static void WriteOpaques(TlsWriter writer, IReadOnlyList<byte[]> items) => Write(writer, items, static (w, item) => w.WriteOpaque(item));

    public static ushort[] ReadUInt16s(ref TlsReader reader) => Read(ref reader, static (ref TlsReader r) => r.ReadUInt16());

    public static void WriteUInt16s(TlsWriter writer, IReadOnlyList<ushort> items) => Write(writer, items, static (w, item) => w.WriteUInt16(item));

    public static uint[] ReadUInt32s(ref TlsReader reader) => Read(ref reader, static (ref TlsReader r) => r.ReadUInt32());

    public static void WriteUInt32s(TlsWriter writer, IReadOnlyList<uint> items) => Write(writer, items, static (w, item) => w.WriteUInt32(item));

    /// <summary>Decodes a whole structure: no bytes may be left after it.</summary>
    public static T Decode<T>(ReadOnlySpan<byte> encoded, TlsItemReader<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var reader = new TlsReader(encoded);
        var value = read(ref reader);
        reader.EnsureEnd();
        return value;
    }

    public static byte[] Encode<T>(T value, Action<TlsWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var writer = new TlsWriter();
        write(writer, value);
        return writer.ToArray();
    }
}
