using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using MoodBot.Data;

namespace MoodBot.Web.Api;

/// <summary>
/// Reads a small JSON body with errors a person can act on: 413 past the size limit, 400 with the
/// parser's complaint and line for malformed JSON, never a stack trace.
/// </summary>
internal static class JsonBody
{
    public const int MaxBytes = 16 * 1024;

    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type)
        where T : class
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        if (context.Request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(context.Request.Body, type, context.RequestAborted);
            return value is null ? (null, Problem(StatusCodes.Status400BadRequest, "The body is empty; send a JSON object.")) : (value, null);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1})" : "";
            return (null, Problem(StatusCodes.Status400BadRequest, $"The body is not the JSON this endpoint takes{where}: {JsonErrorText.Of(ex)}"));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
    }

    public static IResult Problem(int status, string message) =>
        Results.Json(new ApiError(message), WebJsonContext.Default.ApiError, statusCode: status);

    private static IResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBytes / 1024} KB.");
}
