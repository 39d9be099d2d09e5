using System.Net;
using System.Text.Json;

namespace Modelport.Client.Http;

/// <summary>Turns a failed HTTP answer, <c>{"error": "..."}</c> with a status, into an <see cref="InferenceServerException"/>.</summary>
internal static class HttpErrors
{
    public static async Task ThrowIfFailedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        throw new InferenceServerException(Kind(response.StatusCode), MessageOf(body) ?? $"{(int)response.StatusCode} {response.ReasonPhrase}", response.StatusCode);
    }

    /// <summary>Triton's mapping read backwards: 400 for everything else the client got wrong.</summary>
    public static ErrorKind Kind(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => ErrorKind.InvalidArgument,
        HttpStatusCode.NotFound => ErrorKind.NotFound,
        HttpStatusCode.ServiceUnavailable => ErrorKind.Unavailable,
        HttpStatusCode.NotImplemented => ErrorKind.Unimplemented,
        HttpStatusCode.InternalServerError => ErrorKind.Internal,
        HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout => ErrorKind.DeadlineExceeded,
        HttpStatusCode.TooManyRequests => ErrorKind.ResourceExhausted,
        _ => ErrorKind.Unknown,
    };

    public static InferenceServerException Malformed(string what, Exception exception) =>
        new(ErrorKind.Internal, $"the server's {what} is not a valid v2 answer: {exception.Message}", null, exception);

    private static string? MessageOf(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String
                ? error.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
