using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Modelport.Client.Http;

namespace Modelport.Cli.Perf;

/// <summary>A pre-built request body, written as is; it notes when the last byte went out, which ends the send time.</summary>
internal sealed class PayloadContent : HttpContent
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly MediaTypeHeaderValue Binary = new("application/octet-stream");

    private readonly byte[] _body;

    public PayloadContent(HttpPayload payload)
    {
        _body = payload.Body;
        Headers.ContentType = payload.HeaderLength is null ? Json : Binary;
        if (payload.HeaderLength is not null)
        {
            Headers.TryAddWithoutValidation(V2Http.InferenceHeaderContentLength, payload.HeaderLength);
        }
    }

    public long SentAt { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(_body, cancellationToken).ConfigureAwait(false);
        SentAt = Stopwatch.GetTimestamp();
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }
}
