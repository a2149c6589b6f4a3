using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MoodBot.Mood;
using MoodBot.Web.Admin;
using MoodBot.Web.Api;

namespace MoodBot.Web;

internal static class WebRegistration
{
    /// <summary>The API's JSON, its OpenAPI document, per-client rate limits and the session memory.</summary>
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ReadingJsonContext.Default);
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, WebJsonContext.Default);
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, AdminJsonContext.Default);
        });
        services.AddSingleton<AdminAccessFilter>();
        services.AddSingleton<LightsPairingJobs>();
        services.AddOpenApi();
        services.AddRateLimiter(options =>
        {
            options.OnRejected = RejectAsync;
            options.AddPolicy(MoodApi.RateLimitPolicy, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.RequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return builder;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await response.WriteAsJsonAsync(new ApiError($"Too many requests; try again in {seconds} s."), WebJsonContext.Default.ApiError, contentType: null, cancellationToken);
    }
}
