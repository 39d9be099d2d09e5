using Modelport.Core.Repository;

namespace Modelport.Core.Lifecycle;

public sealed partial class ModelManager
{
    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.PollInterval, _timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await RescanAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Log.RescanFailed(_logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Applies what changed in the repositories: new and changed models (re)load, removed ones unload.</summary>
    internal async Task RescanAsync(CancellationToken cancellationToken)
    {
        var scan = RepositoryScanner.Scan(_options.RepositoryPaths);
        var changed = scan.Models.Values
            .Where(directory => !_models.TryGetValue(directory.Name, out var entry) || entry.Table.Fingerprint != directory.ReadFingerprint())
            .Select(directory => directory.Name)
            .Concat(scan.Conflicts.Keys.Where(name => !_models.TryGetValue(name, out var entry) || entry.Table.Fingerprint != scan.Conflicts[name]))
            .ToList();
        var removed = _models.Values
            .Where(entry => !scan.Models.ContainsKey(entry.Name) && !scan.Conflicts.ContainsKey(entry.Name))
            .Where(entry => !entry.Table.Versions.IsEmpty || entry.Table.Failure is not null)
            .Select(entry => entry.Name)
            .ToList();

        await Parallel.ForEachAsync(
            changed.Concat(removed),
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (name, token) => await LoadAsync(name, null, token).ConfigureAwait(false)).ConfigureAwait(false);
    }
}
