using System.Runtime.CompilerServices;
using Grpc.Core;
using Modelport.Client.Grpc;
using Modelport.Protocol.Grpc;

namespace Modelport.Client;

public sealed partial class ModelportGrpcClient
{
    /// <summary>
    /// Sends requests on one bidirectional stream (<c>ModelStreamInfer</c>) as they come and yields the answers as they
    /// arrive. A request the server refuses is answered by a <see cref="StreamInferResult"/> carrying its error; the
    /// stream goes on. Give requests ids to match answers to them.
    /// </summary>
    /// <param name="model">The model's name.</param>
    /// <param name="requests">The requests; the stream's sending side closes when they end.</param>
    /// <param name="version">A version, or null for the server's choice.</param>
    /// <param name="cancellationToken">Cancels the stream.</param>
    /// <exception cref="InferenceServerException">The stream itself failed.</exception>
    public async IAsyncEnumerable<StreamInferResult> StreamInferAsync(
        string model,
        IAsyncEnumerable<InferRequest> requests,
        string? version = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentNullException.ThrowIfNull(requests);
        using var stream = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var call = _client.ModelStreamInfer(cancellationToken: stream.Token);
        var sending = SendAsync(call.RequestStream, model, requests, version, stream);
        try
        {
            while (true)
            {
                ModelStreamInferResponse response;
                try
                {
                    if (!await call.ResponseStream.MoveNext(stream.Token).ConfigureAwait(false))
                    {
                        break;
                    }

                    response = call.ResponseStream.Current;
                }
                catch (RpcException exception)
                {
                    if (stream.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                    {
                        // Only a failed request source cancels the call on its own: report its failure, not the cancellation.
                        await sending.ConfigureAwait(false);
                    }

                    throw GrpcErrors.From(exception, cancellationToken);
                }

                yield return ToResult(response);
            }

            await sending.ConfigureAwait(false);
        }
        finally
        {
            // The caller may stop reading early: stop sending too, and let the sender finish before the call is disposed.
            await stream.CancelAsync().ConfigureAwait(false);
            await sending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task SendAsync(
        IClientStreamWriter<ModelInferRequest> writer, string model, IAsyncEnumerable<InferRequest> requests, string? version, CancellationTokenSource stream)
    {
        try
        {
            await foreach (var request in requests.WithCancellation(stream.Token).ConfigureAwait(false))
            {
                await writer.WriteAsync(InferMessages.ToWire(model, request, version), stream.Token).ConfigureAwait(false);
            }

            await writer.CompleteAsync().ConfigureAwait(false);
        }
        catch
        {
            // The server waits for more requests until the stream closes: end the call so the reader stops too.
            await stream.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static StreamInferResult ToResult(ModelStreamInferResponse response)
    {
        var id = string.IsNullOrEmpty(response.InferResponse?.Id) ? null : response.InferResponse.Id;
        if (!string.IsNullOrEmpty(response.ErrorMessage))
        {
            // A stream answer carries the error's message only, not its status.
            return new StreamInferResult(null, new InferenceServerException(ErrorKind.Unknown, response.ErrorMessage, httpStatusCode: null), id);
        }

        // The answer's request is not at hand here: outputs in shared memory are known by the parameters the server echoes.
        return new StreamInferResult(InferMessages.FromWire(response.InferResponse ?? new ModelInferResponse(), []), null, id);
    }
}
