using System.Text.Json.Serialization;

namespace MoodBot.Web.Api;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(MoodRequest))]
[JsonSerializable(typeof(FeedbackRequest))]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(IReadOnlyList<MoodListing>))]
internal sealed partial class WebJsonContext : JsonSerializerContext;
