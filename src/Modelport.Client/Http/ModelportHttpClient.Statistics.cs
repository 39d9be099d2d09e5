using Modelport.Client.Http;

namespace Modelport.Client;

public sealed partial class ModelportHttpClient
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<ModelStatistics>> GetModelStatisticsAsync(string? model = null, string? version = null, CancellationToken cancellationToken = default) =>
        await GetJsonAsync(HttpMethod.Get, HttpPaths.Statistics(model, version), content: null, "model statistics", StatisticsJson.Read, cancellationToken).ConfigureAwait(false);
}
