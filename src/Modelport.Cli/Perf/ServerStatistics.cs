using Modelport.Client;

namespace Modelport.Cli.Perf;

/// <summary>Reads the model's statistics at window edges; a server without the statistics extension is noted once and then left alone.</summary>
internal sealed class ServerStatistics(IInferenceClient client, string model, string? version)
{
    public bool Available => Unavailable is null;

    /// <summary>Why the server split is missing, when it is.</summary>
    public string? Unavailable { get; private set; }

    public async Task<IReadOnlyList<ModelStatistics>?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!Available)
        {
            return null;
        }

        try
        {
            return await client.GetModelStatisticsAsync(model, version, cancellationToken).ConfigureAwait(false);
        }
        catch (InferenceServerException exception) when (exception.ErrorKind is ErrorKind.NotFound or ErrorKind.Unimplemented)
        {
            // The model answered its metadata, so "not found" here means the endpoint, not the model.
            Unavailable = exception.Message;
            return null;
        }
    }
}
