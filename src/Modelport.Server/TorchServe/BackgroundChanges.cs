using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Modelport.Core.Errors;

namespace Modelport.Server.TorchServe;

/// <summary>
/// Runs the model changes that TorchServe's asynchronous calls (<c>synchronous=false</c>, its default) answer before
/// they finish; a failure can then only be logged, and the model's state shows it. Shutdown cancels them.
/// </summary>
internal sealed class BackgroundChanges(IHostApplicationLifetime lifetime, ILogger<BackgroundChanges> logger)
{
    public void Start(string action, string model, Func<CancellationToken, Task<InferenceError?>> change) =>
        _ = RunAsync(action, model, change);

    private async Task RunAsync(string action, string model, Func<CancellationToken, Task<InferenceError?>> change)
    {
        // Off the request's thread: the call has answered and the change must not hold up its connection.
        await Task.Yield();
        try
        {
            if (await change(lifetime.ApplicationStopping).ConfigureAwait(false) is { } error)
            {
                Log.BackgroundChangeFailed(logger, action, model, error.Message);
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
        }
    }
}
