using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls;

/// <summary>HPKECiphertext { opaque kem_output&lt;V&gt;; opaque ciphertext&lt;V&gt;; } (RFC 9420 section 5.1.3).</summary>
public sealed record HpkeCiphertext(byte[] KemOutput, byte[] Ciphertext)
{
    public static HpkeCiphertext Read(ref TlsReader reader) => new(reader.ReadOpaque().ToArray(), reader.ReadOpaque().ToArray());

    public void Write(TlsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteOpaque(KemOutput).WriteOpaque(Ciphertext);
    }
}
