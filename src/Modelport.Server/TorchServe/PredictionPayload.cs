using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Modelport.Core.Errors;
using Modelport.Server.Http;

namespace Modelport.Server.TorchServe;

/// <summary>
/// The body of a prediction request: the raw body as one part, or the parts of a <c>multipart/form-data</c> body in
/// order, each with its form field name. Kestrel's body size limit caps both.
/// </summary>
internal sealed class PredictionPayload : IDisposable
{
    private readonly RequestBody? _raw;

    private PredictionPayload(RequestBody? raw, IReadOnlyList<PredictionPart> parts)
    {
        _raw = raw;
        Parts = parts;
    }

    public IReadOnlyList<PredictionPart> Parts { get; }

    public bool IsForm => _raw is null;

    public static async Task<Result<PredictionPayload>> ReadAsync(HttpContext context)
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var contentType)
            && contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadFormAsync(context, contentType).ConfigureAwait(false);
        }

        var body = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        if (body.Error is { } error)
        {
            return error;
        }

        return new PredictionPayload(body.Value, [new PredictionPart("body", body.Value.Memory)]);
    }

    public void Dispose() => _raw?.Dispose();

    private static async Task<Result<PredictionPayload>> ReadFormAsync(HttpContext context, MediaTypeHeaderValue contentType)
    {
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return InferenceError.InvalidArgument("the multipart/form-data body has no boundary in its Content-Type");
        }

        var parts = new List<PredictionPart>();
        try
        {
            var reader = new MultipartReader(boundary, context.Request.Body);
            while (await reader.ReadNextSectionAsync(context.RequestAborted).ConfigureAwait(false) is { } section)
            {
                var name = section.GetContentDispositionHeader()?.Name.Value ?? string.Empty;
                using var content = new MemoryStream();
                await section.Body.CopyToAsync(content, context.RequestAborted).ConfigureAwait(false);
                parts.Add(new PredictionPart(name, content.ToArray()));
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or BadHttpRequestException)
        {
            return InferenceError.InvalidArgument($"the multipart/form-data body could not be read: {exception.Message}");
        }

        return parts.Count == 0
            ? InferenceError.InvalidArgument("the multipart/form-data body has no parts; send the input as the form field 'data'")
            : new PredictionPayload(null, parts);
    }
}
