using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Modelport.Client.Http;

/// <summary>
/// The body of an infer request: the JSON, then with binary data each input's bytes, written to the connection
/// straight from the caller's buffers.
/// </summary>
internal sealed class InferRequestContent : HttpContent
{
    private readonly byte[] _json;
    private readonly ReadOnlyMemory<byte>[] _tensors;

    public InferRequestContent(InferRequest request, bool binaryData)
    {
        _json = InferRequestWriter.Write(request, binaryData);
        _tensors = binaryData ? [.. request.Inputs.Where(input => input.SharedMemory is null).Select(input => input.Data)] : [];
        if (binaryData)
        {
            Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            Headers.Add(V2Http.InferenceHeaderContentLength, _json.Length.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(_json, cancellationToken).ConfigureAwait(false);
        foreach (var tensor in _tensors)
        {
            await stream.WriteAsync(tensor, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _json.Length + _tensors.Sum(tensor => (long)tensor.Length);
        return true;
    }
}
