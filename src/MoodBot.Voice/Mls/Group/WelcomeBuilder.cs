using System.Security.Cryptography;
using MoodBot.Voice.Hpke;
using MoodBot.Voice.Mls.Codec;
using MoodBot.Voice.Mls.Framing;
using MoodBot.Voice.Mls.KeySchedule;
using MoodBot.Voice.Mls.Messages;
using MoodBot.Voice.Mls.Tree;

namespace MoodBot.Voice.Mls.Group;

/// <summary>The Welcome for the members a Commit adds (RFC 9420 section 12.4.3): the signed GroupInfo of
/// the new epoch, ratchet tree inlined (DAVE requires it), encrypted under the welcome secret, and for
/// each joiner GroupSecrets encrypted to its KeyPackage's init key.</summary>
internal static class WelcomeBuilder
{
    public static byte[] Build(
        GroupContext context,
        RatchetTree tree,
        byte[] confirmationTag,
        uint committer,
        P256KeyPair signatureKey,
        EpochSecrets secrets,
        EncappedPath? path,
        ProposalEffects effects)
    {
        var groupInfo = new GroupInfo(context, [new Extension(Extension.RatchetTree, tree.Encode())], confirmationTag, committer, [])
            .SignedBy(signatureKey.PrivateKey);
        var key = MlsCrypto.ExpandWithLabel(secrets.WelcomeSecret, "key", [], MlsCrypto.KeyLength);
        var nonce = MlsCrypto.ExpandWithLabel(secrets.WelcomeSecret, "nonce", [], MlsCrypto.NonceLength);
        byte[] encryptedGroupInfo;
        try
        {
            encryptedGroupInfo = MlsCrypto.AeadSeal(key, nonce, [], groupInfo.Encode());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        var groupSecrets = effects.Added.Select(added =>
        {
            var secretsFor = new GroupSecrets(secrets.JoinerSecret, PathSecretFor(tree, committer, added.Leaf, path), effects.Psks);
            var plaintext = TlsVectors.Encode(secretsFor, static (w, s) => s.Write(w));
            try
            {
                var ciphertext = MlsCrypto.EncryptWithLabel(added.KeyPackage.InitKey, "Welcome", encryptedGroupInfo, plaintext);
                return new EncryptedGroupSecrets(added.KeyPackage.Reference(), ciphertext);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plaintext);
            }
        });

        var welcome = new Welcome(MlsCrypto.CipherSuite, [.. groupSecrets], encryptedGroupInfo);
        return new MlsMessage(WireFormat.Welcome, Welcome: welcome).Encode();
    }

    /// <summary>The path secret of the lowest node on the committer's filtered direct path above the joiner,
    /// from which it derives the keys of that node and those above (section 12.4.3); none without a path.</summary>
    private static byte[]? PathSecretFor(RatchetTree tree, uint committer, uint joiner, EncappedPath? path)
    {
        if (path is null)
        {
            return null;
        }

        foreach (var node in TreeKem.FilteredDirectPath(tree, committer))
        {
            var (first, last) = Resolution.LeafSpan(node);
            if (joiner >= first && joiner <= last)
            {
                return path.PathSecrets[node];
            }
        }

        throw new InvalidOperationException($"No node of leaf {committer}'s path lies above leaf {joiner}.");
    }
}
