using MoodBot.Voice.Mls.Codec;

namespace MoodBot.Voice.Mls.Framing;

/// <summary>Finds where a FramedContent body ends. A Proposal or Commit is not length-prefixed, so
/// framing (and the padding after a PrivateMessage's content) can only be split by walking its
/// structure (RFC 9420 sections 12.1 and 12.4, with KeyPackage and LeafNode from 10 and 7.2).
/// The body is returned as encoded bytes; reading it into objects is the group state's job.</summary>
internal static class ContentReader
{
    /// <summary>The body of <paramref name="contentType"/>: the application data (without its length
    /// prefix), or the encoded Proposal or Commit.</summary>
    public static ReadOnlySpan<byte> ReadBody(ref TlsReader reader, ContentType contentType)
    {
        if (contentType == ContentType.Application)
        {
            return reader.ReadOpaque();
        }

        var start = reader.Position;
        switch (contentType)
        {
            case ContentType.Proposal:
                SkipProposal(ref reader);
                break;
            case ContentType.Commit:
                reader.ReadOpaque(); // proposals<V>: ProposalOrRef entries, kept encoded
                if (reader.ReadPresence())
                {
                    SkipLeafNode(ref reader); // UpdatePath.leaf_node
                    reader.ReadOpaque(); // UpdatePath.nodes<V>
                }

                break;
            default:
                throw new TlsDecodeException($"Unknown content type {(byte)contentType}.");
        }

        return reader.Since(start);
    }

    private static void SkipProposal(ref TlsReader reader)
    {
        var type = reader.ReadUInt16();
        switch (type)
        {
            case 1: // add: KeyPackage
                reader.ReadUInt16(); // version
                reader.ReadUInt16(); // cipher_suite
                reader.ReadOpaque(); // init_key
                SkipLeafNode(ref reader);
                reader.ReadOpaque(); // extensions
                reader.ReadOpaque(); // signature
                break;
            case 2: // update: LeafNode
                SkipLeafNode(ref reader);
                break;
            case 3: // remove: removed leaf index
                reader.ReadUInt32();
                break;
            case 4: // psk: PreSharedKeyID
                switch (reader.ReadUInt8())
                {
                    case 1: // external: psk_id
                        reader.ReadOpaque();
                        break;
                    case 2: // resumption: usage, psk_group_id, psk_epoch
                        reader.ReadUInt8();
                        reader.ReadOpaque();
                        reader.ReadUInt64();
                        break;
                    case var psk:
                        throw new TlsDecodeException($"Unknown PSK type {psk}.");
                }

                reader.ReadOpaque(); // psk_nonce
                break;
            case 5: // reinit: group_id, version, cipher_suite, extensions
                reader.ReadOpaque();
                reader.ReadUInt16();
                reader.ReadUInt16();
                reader.ReadOpaque();
                break;
            case 6: // external_init: kem_output
            case 7: // group_context_extensions: extensions
                reader.ReadOpaque();
                break;
            default:
                // An unknown proposal type has no length prefix, so the message cannot be framed.
                throw new TlsDecodeException($"Unsupported proposal type {type}.");
        }
    }

    private static void SkipLeafNode(ref TlsReader reader)
    {
        reader.ReadOpaque(); // encryption_key
        reader.ReadOpaque(); // signature_key
        switch (reader.ReadUInt16()) // Credential
        {
            case 1: // basic: identity
            case 2: // x509: certificates
                reader.ReadOpaque();
                break;
            case var credential:
                throw new TlsDecodeException($"Unsupported credential type {credential}.");
        }

        for (var i = 0; i < 5; i++)
        {
            reader.ReadOpaque(); // Capabilities: versions, cipher_suites, extensions, proposals, credentials
        }

        switch (reader.ReadUInt8()) // leaf_node_source
        {
            case 1: // key_package: Lifetime
                reader.ReadUInt64();
                reader.ReadUInt64();
                break;
            case 2: // update
                break;
            case 3: // commit: parent_hash
                reader.ReadOpaque();
                break;
            case var source:
                throw new TlsDecodeException($"Unknown leaf node source {source}.");
        }

        reader.ReadOpaque(); // extensions
        reader.ReadOpaque(); // signature
    }
}
