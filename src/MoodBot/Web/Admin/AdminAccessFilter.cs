using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using MoodBot.Web.Api;

namespace MoodBot.Web.Admin;

/// <summary>Answers 403 with how to get access before an endpoint that needs the site admin runs.</summary>
internal sealed class AdminAccessFilter(IOptions<WebOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return AdminAccess.Refusal(context.HttpContext, options.Value.AdminToken) is { } refusal
            ? JsonBody.Problem(StatusCodes.Status403Forbidden, refusal)
            : await next(context);
    }
}
