using System.Text;
using System.Text.Json;
using MoodBot.Voice.Mls;
using MoodBot.Voice.Mls.KeySchedule;

namespace MoodBot.Voice.Tests.Mls.KeySchedule;

/// <summary>key-schedule.json, cipher suite 2: every epoch's group context and secrets, the exporter,
/// and the external public key, each epoch starting from the previous one's init_secret.</summary>
public sealed class KeyScheduleTests
{
    public static TheoryData<int> Cases => ReferenceVectors.Indexes(Entries.Length);

    private static JsonElement[] Entries => ReferenceVectors.MlsSuite2("key-schedule.json");

    [Fact]
    public void Vectors_CipherSuite2_HasEntries() => Assert.NotEmpty(Entries);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Advance_EveryVectorEpoch_GivesVectorSecrets(int index)
    {
        var v = Entries[index];
        var groupId = v.Hex("group_id");
        var initSecret = v.Hex("initial_init_secret");
        var epochs = v.GetProperty("epochs").EnumerateArray().ToArray();
        Assert.NotEmpty(epochs);

        for (var epoch = 0; epoch < epochs.Length; epoch++)
        {
            var e = epochs[epoch];
            var where = $"case {index} epoch {epoch}";
            var groupContext = new GroupContext(MlsCrypto.CipherSuite, groupId, (ulong)epoch, e.Hex("tree_hash"), e.Hex("confirmed_transcript_hash"), []).Serialize();
            Assert.True(e.HexString("group_context") == Convert.ToHexString(groupContext), where + ": group_context");

            using var secrets = MlsKeySchedule.Advance(initSecret, e.Hex("commit_secret"), e.Hex("psk_secret"), groupContext);
            Check(e, "joiner_secret", secrets.JoinerSecret, where);
            Check(e, "welcome_secret", secrets.WelcomeSecret, where);
            Check(e, "init_secret", secrets.InitSecret, where);
            Check(e, "sender_data_secret", secrets.SenderDataSecret, where);
            Check(e, "encryption_secret", secrets.EncryptionSecret, where);
            Check(e, "exporter_secret", secrets.ExporterSecret, where);
            Check(e, "epoch_authenticator", secrets.EpochAuthenticator, where);
            Check(e, "external_secret", secrets.ExternalSecret, where);
            Check(e, "confirmation_key", secrets.ConfirmationKey, where);
            Check(e, "membership_key", secrets.MembershipKey, where);
            Check(e, "resumption_psk", secrets.ResumptionPsk, where);

            using var external = secrets.ExternalKeyPair();
            Check(e, "external_pub", external.PublicKey, where);

            // The exporter label is a string (as an application's label is); the generators happen to
            // pick a hex-looking one, and its characters, not the bytes they spell, are the label.
            var exporter = e.GetProperty("exporter");
            var label = Encoding.UTF8.GetBytes(exporter.GetProperty("label").GetString()!);
            Check(exporter, "secret", secrets.Export(label, exporter.Hex("context"), exporter.Int("length")), where + " exporter");

            initSecret = secrets.InitSecret.ToArray();
        }
    }

    private static void Check(JsonElement e, string name, byte[] actual, string where) =>
        Assert.True(e.HexString(name) == Convert.ToHexString(actual), $"{where}: {name}");
}
