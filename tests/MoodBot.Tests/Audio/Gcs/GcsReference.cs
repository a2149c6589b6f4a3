using System.Text.Json;
using Google.Apis.Auth.OAuth2;

namespace MoodBot.Tests.Audio.Gcs;

/// <summary>
/// Google's published V4 signing conformance vectors and dummy key in ../shared/reference/gcs.
/// They are part of the environment, never copied into the repository, so a missing folder fails loudly.
/// </summary>
internal static class GcsReference
{
    public static string Folder => Path.Combine(
        RepoPaths.Shared ?? throw new InvalidOperationException(
            $"../shared beside {RepoPaths.Root} is missing; the GCS tests need ../shared/reference/gcs (Google's V4 signing vectors)."),
        "reference", "gcs");

    public static string VectorsFile => Require(Path.Combine(Folder, "v4_signatures.json"));

    public static string KeyFile => Require(Path.Combine(Folder, "test_service_account.not-a-test.json"));

    public static string PrivateKeyPem => JsonDocument.Parse(File.ReadAllText(KeyFile)).RootElement.GetProperty("private_key").GetString()!;

    public static string PrivateKeyId => JsonDocument.Parse(File.ReadAllText(KeyFile)).RootElement.GetProperty("private_key_id").GetString()!;

    public static ServiceAccountCredential Credential() => CredentialFactory.FromFile<ServiceAccountCredential>(KeyFile);

    public static IReadOnlyList<JsonElement> SigningVectors()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(VectorsFile));
        return [.. document.RootElement.GetProperty("signingV4Tests").EnumerateArray().Select(e => e.Clone())];
    }

    private static string Require(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"GCS reference file missing: {path} (expected in ../shared/reference/gcs beside the checkout).", path);
}
