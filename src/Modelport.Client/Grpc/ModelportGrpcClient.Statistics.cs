using Modelport.Client.Grpc;
using Modelport.Protocol.Grpc;

namespace Modelport.Client;

public sealed partial class ModelportGrpcClient
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<ModelStatistics>> GetModelStatisticsAsync(string? model = null, string? version = null, CancellationToken cancellationToken = default)
    {
        if (model is null && version is not null)
        {
            throw new ArgumentException($"a version ('{version}') needs a model", nameof(version));
        }

        var request = new ModelStatisticsRequest { Name = model ?? string.Empty, Version = version ?? string.Empty };
        var response = await CallAsync(options => _client.ModelStatisticsAsync(request, options), cancellationToken).ConfigureAwait(false);
        return StatisticsMessages.FromWire(response);
    }
}
