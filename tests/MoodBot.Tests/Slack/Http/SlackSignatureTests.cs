using System.Text;
using System.Text.Json;
using MoodBot.Slack.Http;

namespace MoodBot.Tests.Slack.Http;

public sealed class SlackSignatureTests
{
    private static readonly JsonElement Vector = JsonDocument.Parse(File.ReadAllText(
        Path.Combine(RepoPaths.Shared!, "reference", "slack", "request-signing-vector.json"))).RootElement;

    private static string Secret => Vector.GetProperty("signing_secret").GetString()!;

    private static string Timestamp => Vector.GetProperty("x_slack_request_timestamp").GetString()!;

    private static byte[] Body => Encoding.UTF8.GetBytes(Vector.GetProperty("raw_body").GetString()!);

    private static string Expected => Vector.GetProperty("expected_x_slack_signature").GetString()!;

    private static DateTimeOffset SentAt => DateTimeOffset.FromUnixTimeSeconds(long.Parse(Timestamp, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Compute_SlacksDocumentedExample_GivesTheDocumentedSignature() =>
        Assert.Equal(Expected, SlackSignature.Compute(Secret, Timestamp, Body));

    [Fact]
    public void IsValid_DocumentedExampleWithinFiveMinutes_Succeeds()
    {
        Assert.True(SlackSignature.IsValid(Secret, Timestamp, Expected, Body, SentAt, TimeSpan.FromMinutes(5)));
        Assert.True(SlackSignature.IsValid(Secret, Timestamp, Expected, Body, SentAt.AddSeconds(299), TimeSpan.FromMinutes(5)));
        Assert.True(SlackSignature.IsValid(Secret, Timestamp, Expected, Body, SentAt.AddSeconds(-299), TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    [InlineData(86_400)]
    public void IsValid_TimestampOutsideTheReplayWindow_Fails(int secondsLater) =>
        Assert.False(SlackSignature.IsValid(Secret, Timestamp, Expected, Body, SentAt.AddSeconds(secondsLater), TimeSpan.FromMinutes(5)));

    [Fact]
    public void IsValid_OneByteOfTheBodyChanged_Fails()
    {
        var body = Body;
        body[^1] ^= 1;
        Assert.False(SlackSignature.IsValid(Secret, Timestamp, Expected, body, SentAt, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v0=")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50")]
    public void IsValid_MissingOrAlteredSignature_Fails(string? signature) =>
        Assert.False(SlackSignature.IsValid(Secret, Timestamp, signature, Body, SentAt, TimeSpan.FromMinutes(5)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1531420618.5")]
    [InlineData("-1531420618")]
    public void IsValid_MissingOrMalformedTimestamp_Fails(string? timestamp) =>
        Assert.False(SlackSignature.IsValid(Secret, timestamp, Expected, Body, SentAt, TimeSpan.FromMinutes(5)));

    [Fact]
    public void IsValid_AnotherSecret_Fails() =>
        Assert.False(SlackSignature.IsValid(Secret + "x", Timestamp, Expected, Body, SentAt, TimeSpan.FromMinutes(5)));
}
