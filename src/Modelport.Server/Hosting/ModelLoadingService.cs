using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Modelport.Core.Lifecycle;

namespace Modelport.Server.Hosting;

/// <summary>
/// Loads the models in the background once the host starts: the server is live at once and turns ready when the
/// models are loaded. Then it logs the model table, as Triton does.
/// </summary>
internal sealed class ModelLoadingService(ModelManager models, ILogger<ModelLoadingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await models.StartAsync(stoppingToken).ConfigureAwait(false);
        Log.ModelTable(logger, ModelStatusTable.Format(models.GetIndex()));
    }
}
