using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Modelport.Core.Backends;
using Modelport.Core.Diagnostics;
using Modelport.Core.Errors;
using Modelport.Core.Repository;

namespace Modelport.Core.Lifecycle;

/// <summary>
/// Owns every model version's lifecycle: loads, reloads and unloads them off the request path and publishes each
/// model's versions as an immutable table that requests read without locking.
/// </summary>
public sealed partial class ModelManager : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ModelEntry> _models = new(StringComparer.Ordinal);
    private readonly ModelRepositoryOptions _options;
    private readonly BackendRegistry _backends;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ModelportMetrics? _metrics;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _polling;
    private volatile bool _started;
    private int _disposed;

    /// <param name="metrics">Where the versions' counters are observed and their latencies recorded; none when metrics are off.</param>
    public ModelManager(
        ModelRepositoryOptions options, IEnumerable<IModelBackend> backends, TimeProvider timeProvider, ILogger<ModelManager> logger, ModelportMetrics? metrics = null)
    {
        options.Validate();
        _options = options;
        _backends = new BackendRegistry(backends);
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = metrics;
        metrics?.ObserveModels(() => ReadyStatistics());
    }

    /// <summary>True once the models the control mode loads at start have been loaded or have failed.</summary>
    public bool IsStarted => _started;

    /// <summary>True once the start-up loads finished and, with strict readiness, every model meant to serve is ready.</summary>
    public bool IsReady =>
        _started && (!_options.StrictReadiness || _models.Values.All(entry => !entry.Table.Serving || entry.Table.FullyReady));

    /// <summary>Loads the models the control mode asks for and, in poll mode, starts rescanning.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scan = RepositoryScanner.Scan(_options.RepositoryPaths);
        var names = _options.ControlMode == ModelControlMode.Explicit && !_options.StartupModels.Contains("*")
            ? _options.StartupModels
            : [.. scan.Names];
        await Parallel.ForEachAsync(
            names.Distinct(StringComparer.Ordinal),
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (name, token) => await LoadAsync(name, null, token).ConfigureAwait(false)).ConfigureAwait(false);
        _started = true;
        if (_options.ControlMode == ModelControlMode.Poll)
        {
            _polling = PollAsync(_stopping.Token);
        }
    }

    /// <summary>The repository index: a row per model version, or per model when it failed before any version.</summary>
    public IReadOnlyList<ModelVersionStatus> GetIndex(bool readyOnly = false)
    {
        var rows = new List<ModelVersionStatus>();
        var known = RepositoryScanner.Scan(_options.RepositoryPaths).Models.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var entry in _models.Values.OrderBy(entry => entry.Name, StringComparer.Ordinal))
        {
            known.Remove(entry.Name);
            var table = entry.Table;
            if (table.Failure is not null)
            {
                rows.Add(new ModelVersionStatus(entry.Name, string.Empty, ModelState.Unavailable, table.Failure));
            }

            foreach (var slot in table.Versions.Values)
            {
                rows.Add(new ModelVersionStatus(entry.Name, slot.Version.ToString(CultureInfo.InvariantCulture), slot.State, slot.Reason));
            }
        }

        // Models in the repository that were never loaded (explicit mode) are listed without a version or state reason.
        rows.AddRange(known.Order(StringComparer.Ordinal).Select(name => new ModelVersionStatus(name, string.Empty, ModelState.Unavailable, string.Empty)));
        rows.Sort((left, right) => string.CompareOrdinal(left.Name, right.Name));
        return readyOnly ? rows.FindAll(row => row.State == ModelState.Ready) : rows;
    }

    /// <summary>
    /// Takes a hold on the version a request asks for. Null or empty asks for the model's default version (see
    /// <see cref="SetDefaultVersion"/>) while the model has it, else the highest ready version. Dispose the lease when the
    /// request is done with the model.
    /// </summary>
    public Result<ModelLease> Acquire(string name, string? version)
    {
        if (!_models.TryGetValue(name, out var entry) || entry.Table == ModelTable.Empty)
        {
            return InferenceError.NotFound($"unknown model '{name}'");
        }

        long? versionNumber = null;
        if (!string.IsNullOrEmpty(version))
        {
            if (!long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return InferenceError.InvalidArgument($"model version '{version}' of model '{name}' is not a version number");
            }

            versionNumber = parsed;
        }

        while (true)
        {
            var table = entry.Table;
            VersionSlot? slot;
            if (versionNumber is { } number)
            {
                if (!table.Versions.TryGetValue(number, out slot))
                {
                    return InferenceError.NotFound($"unknown version {number} of model '{name}'");
                }
            }
            else if (entry.DefaultVersion is { } defaultVersion && table.Versions.TryGetValue(defaultVersion, out var chosen))
            {
                slot = chosen;
            }
            else
            {
                slot = table.LatestReady;
                if (slot is null)
                {
                    return InferenceError.NotReady($"model '{name}' has no ready version{Explain(table)}");
                }
            }

            if (slot.State != ModelState.Ready || slot.Handle is null)
            {
                return InferenceError.NotReady(
                    $"version {slot.Version} of model '{name}' is {slot.State.WireName()}{(slot.Reason.Length > 0 ? ": " + slot.Reason : string.Empty)}");
            }

            if (slot.Handle.TryAcquire())
            {
                return new ModelLease(slot.Handle);
            }

            // The handle was retired between reading the table and taking a reference: read the new table.
        }
    }

    /// <summary>The ready version numbers of a model, highest last.</summary>
    public IReadOnlyList<long> ReadyVersions(string name) =>
        _models.TryGetValue(name, out var entry)
            ? [.. entry.Table.Versions.Values.Where(slot => slot.State == ModelState.Ready).Select(slot => slot.Version)]
            : [];

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_polling is not null)
        {
            await _polling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        foreach (var entry in _models.Values)
        {
            await entry.Gate.WaitAsync().ConfigureAwait(false);
            try
            {
                var handles = entry.Table.Handles.ToList();
                entry.Table = ModelTable.Empty;
                handles.ForEach(handle => handle.Retire());
                await Task.WhenAll(handles.Select(handle => handle.Disposed)).ConfigureAwait(false);
            }
            finally
            {
                entry.Gate.Release();
            }
        }

        _stopping.Dispose();
    }

    private static string Explain(ModelTable table)
    {
        if (table.Failure is not null)
        {
            return ": " + table.Failure;
        }

        var reasons = table.Versions.Values.Where(slot => slot.Reason.Length > 0).Select(slot => $"version {slot.Version} is {slot.State.WireName()}: {slot.Reason}");
        var text = string.Join("; ", reasons);
        return text.Length > 0 ? " (" + text + ")" : string.Empty;
    }
}
