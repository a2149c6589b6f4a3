using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls;

/// <summary>The transcript hashes (RFC 9420 section 8.2), which chain every Commit into the group state:
/// confirmed_transcript_hash_[n] = Hash(interim_transcript_hash_[n-1] | ConfirmedTranscriptHashInput_[n]),
/// interim_transcript_hash_[n] = Hash(confirmed_transcript_hash_[n] | InterimTranscriptHashInput_[n]).</summary>
public static class TranscriptHashes
{
    /// <summary>The confirmed transcript hash after a Commit. <paramref name="confirmedInput"/> is
    /// ConfirmedTranscriptHashInput: wire_format | FramedContent | signature&lt;V&gt;.</summary>
    public static byte[] Confirmed(ReadOnlySpan<byte> interimBefore, ReadOnlySpan<byte> confirmedInput) =>
        MlsCrypto.Hash([.. interimBefore, .. confirmedInput]);

    /// <summary>The interim transcript hash after a Commit; InterimTranscriptHashInput is the
    /// confirmation tag as an opaque&lt;V&gt;.</summary>
    public static byte[] Interim(ReadOnlySpan<byte> confirmed, ReadOnlySpan<byte> confirmationTag) =>
        MlsCrypto.Hash([.. confirmed, .. new TlsWriter(1 + confirmationTag.Length).WriteOpaque(confirmationTag).WrittenSpan]);

    /// <summary>confirmation_tag = MAC(confirmation_key, GroupContext.confirmed_transcript_hash) (section 6.1).</summary>
    public static byte[] ConfirmationTag(ReadOnlySpan<byte> confirmationKey, ReadOnlySpan<byte> confirmedTranscriptHash) =>
        MlsCrypto.Mac(confirmationKey, confirmedTranscriptHash);

    public static bool VerifyConfirmationTag(ReadOnlySpan<byte> confirmationKey, ReadOnlySpan<byte> confirmedTranscriptHash, ReadOnlySpan<byte> tag) =>
        MlsCrypto.VerifyMac(confirmationKey, confirmedTranscriptHash, tag);

    /// <summary>Splits an encoded AuthenticatedContent of a Commit into ConfirmedTranscriptHashInput and
    /// the confirmation tag. For a Commit, FramedContentAuthData ends with confirmation_tag&lt;V&gt;, a MAC
    /// of exactly Nh bytes, so the tag is the last 1 + Nh bytes; everything before it is the input.</summary>
    public static (byte[] ConfirmedInput, byte[] ConfirmationTag) SplitCommit(ReadOnlySpan<byte> authenticatedContent)
    {
        EnsureCommit(authenticatedContent);
        const int tagField = 1 + MlsCrypto.HashLength;
        if (authenticatedContent.Length <= tagField || authenticatedContent[^tagField] != MlsCrypto.HashLength)
        {
            throw new TlsDecodeException("An AuthenticatedContent of a Commit ends with a 32-byte confirmation_tag<V>.");
        }

        return (authenticatedContent[..^tagField].ToArray(), authenticatedContent[^MlsCrypto.HashLength..].ToArray());
    }

    /// <summary>Reads the FramedContent header up to content_type (section 6) and requires a Commit,
    /// since only a Commit's auth data carries the confirmation tag the split relies on.</summary>
    private static void EnsureCommit(ReadOnlySpan<byte> authenticatedContent)
    {
        var reader = new TlsReader(authenticatedContent);
        reader.ReadUInt16(); // wire_format
        reader.ReadOpaque(); // group_id
        reader.ReadUInt64(); // epoch
        switch (reader.ReadUInt8())
        {
            case 1: // member: leaf_index
            case 2: // external: sender_index
                reader.ReadUInt32();
                break;
            case 3 or 4: // new_member_proposal, new_member_commit
                break;
            case var other:
                throw new TlsDecodeException($"Unknown sender type {other}.");
        }

        reader.ReadOpaque(); // authenticated_data
        if (reader.ReadUInt8() != 3)
        {
            throw new TlsDecodeException("The AuthenticatedContent does not hold a Commit.");
        }
    }
}
