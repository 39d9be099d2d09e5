using System.Collections.Immutable;
using Modelport.Core.Backends;
using Modelport.Core.Configuration;
using Modelport.Core.Errors;
using Modelport.Core.Repository;

namespace Modelport.Core.Lifecycle;

public sealed partial class ModelManager
{
    /// <summary>
    /// The repository API's load: loads the model, or reloads it when loaded, optionally with a config that replaces
    /// its config.pbtxt. Only in explicit model control mode, as in Triton.
    /// </summary>
    public Task<InferenceError?> LoadModelAsync(string name, ModelConfig? configOverride, CancellationToken cancellationToken)
    {
        if (_options.ControlMode != ModelControlMode.Explicit)
        {
            return Task.FromResult<InferenceError?>(ControlDisabled("load"));
        }

        return LoadAsync(name, configOverride, cancellationToken);
    }

    /// <summary>The repository API's unload: waits for the requests in flight on the model, then frees it.</summary>
    public async Task<InferenceError?> UnloadModelAsync(string name, CancellationToken cancellationToken)
    {
        if (_options.ControlMode != ModelControlMode.Explicit)
        {
            return ControlDisabled("unload");
        }

        if (!ModelNames.IsValid(name) || !_models.TryGetValue(name, out var entry))
        {
            return InferenceError.NotFound($"unknown model '{name}'");
        }

        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await UnloadLockedAsync(entry).ConfigureAwait(false);
            return null;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private InferenceError ControlDisabled(string action) =>
        InferenceError.Unsupported(
            $"cannot {action} models: the repository API works only with --model-control-mode=explicit (this server runs in mode '{_options.ControlMode.ToString().ToLowerInvariant()}')");

    private async Task<InferenceError?> LoadAsync(string name, ModelConfig? configOverride, CancellationToken cancellationToken)
    {
        if (!ModelNames.IsValid(name))
        {
            return InferenceError.InvalidArgument($"'{name}' is not a valid model name");
        }

        // Only names that exist get an entry, so a client cannot grow the table by asking for made-up models.
        if (!_models.ContainsKey(name) && !RepositoryScanner.Scan(_options.RepositoryPaths).Names.Contains(name))
        {
            return InferenceError.NotFound($"no model named '{name}' in the model repositories");
        }

        var entry = _models.GetOrAdd(name, static name => new ModelEntry(name));
        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await LoadLockedAsync(entry, configOverride, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private async Task<InferenceError?> LoadLockedAsync(ModelEntry entry, ModelConfig? configOverride, CancellationToken cancellationToken)
    {
        var scan = RepositoryScanner.Scan(_options.RepositoryPaths);
        if (scan.Conflicts.TryGetValue(entry.Name, out var conflict))
        {
            return Fail(entry, conflict, conflict);
        }

        if (!scan.Models.TryGetValue(entry.Name, out var directory))
        {
            if (!entry.Table.Versions.IsEmpty || entry.Table.Failure is not null)
            {
                await UnloadLockedAsync(entry).ConfigureAwait(false);
                entry.Table = ModelTable.Empty;
            }

            return InferenceError.NotFound($"no model named '{entry.Name}' in the model repositories");
        }

        var fingerprint = directory.ReadFingerprint();
        ModelConfig config;
        IReadOnlyList<ModelVersionFolder> folders;
        IModelBackend backend;
        try
        {
            config = configOverride?.Clone() ?? ReadConfig(directory);
            if (config.Name.Length == 0)
            {
                config.Name = entry.Name;
            }
            else if (config.Name != entry.Name)
            {
                throw new ModelLoadException($"the config's name '{config.Name}' differs from the model folder's name '{entry.Name}'");
            }

            folders = directory.ReadVersionFolders();
            if (folders.Count == 0)
            {
                throw new ModelLoadException($"the model folder '{directory.Path}' has no numbered version folder");
            }

            backend = _backends.Select(config, folders.Select(folder => folder.Path));
        }
        catch (ModelLoadException exception)
        {
            return Fail(entry, exception.Message, fingerprint);
        }

        // A version is reloaded only when its folder or the model-level files (config, labels) changed.
        var configFingerprint = configOverride is null ? directory.ReadModelLevelFingerprint() : ModelConfigJson.Format(configOverride);
        var (serve, missing) = VersionPolicy.Select(config.VersionPolicy, [.. folders.Select(folder => folder.Version)]);
        var previous = entry.Table;
        var toLoad = folders
            .Where(folder => serve.Contains(folder.Version))
            .Where(folder => !previous.Versions.TryGetValue(folder.Version, out var slot)
                || slot.Handle is null
                || slot.FolderFingerprint != folder.Fingerprint + configFingerprint)
            .ToList();

        var loading = previous.Versions;
        foreach (var folder in toLoad.Where(folder => !previous.Versions.TryGetValue(folder.Version, out var slot) || slot.Handle is null))
        {
            loading = loading.SetItem(folder.Version, new VersionSlot(folder.Version, ModelState.Loading, string.Empty, null, null));
        }

        entry.Table = previous with { Versions = loading, Failure = null };

        var loads = toLoad.Select(folder => LoadVersionAsync(backend, entry.Name, directory.Path, folder, config, cancellationToken)).ToList();
        var outcomes = await Task.WhenAll(loads).ConfigureAwait(false);

        var versions = ImmutableSortedDictionary<long, VersionSlot>.Empty;
        var failures = new List<string>();
        foreach (var version in serve)
        {
            var outcome = Array.Find(outcomes, outcome => outcome.Version == version);
            previous.Versions.TryGetValue(version, out var old);
            if (outcome is null)
            {
                versions = versions.Add(version, old!);
            }
            else if (outcome.Handle is not null)
            {
                var folderFingerprint = folders.First(folder => folder.Version == version).Fingerprint + configFingerprint;
                versions = versions.Add(version, new VersionSlot(version, ModelState.Ready, string.Empty, outcome.Handle, folderFingerprint));
                Log.VersionReady(_logger, entry.Name, version);
            }
            else if (old?.Handle is not null)
            {
                versions = versions.Add(version, old with { Reason = "reload failed: " + outcome.Reason });
                failures.Add($"version {version}: {outcome.Reason}");
                Log.ReloadFailed(_logger, entry.Name, version, outcome.Reason);
            }
            else
            {
                versions = versions.Add(version, new VersionSlot(version, ModelState.Unavailable, outcome.Reason, null, null));
                failures.Add($"version {version}: {outcome.Reason}");
                Log.VersionFailed(_logger, entry.Name, version, outcome.Reason);
            }
        }

        foreach (var version in missing)
        {
            var reason = $"version {version} is listed in version_policy but has no version folder";
            versions = versions.Add(version, new VersionSlot(version, ModelState.Unavailable, reason, null, null));
            failures.Add(reason);
        }

        if (failures.Count > 0)
        {
            // A version the policy no longer selects keeps serving while its replacement failed to load.
            foreach (var slot in previous.Versions.Values.Where(slot => slot.Handle is not null && !versions.ContainsKey(slot.Version)))
            {
                if (folders.Any(folder => folder.Version == slot.Version))
                {
                    versions = versions.Add(slot.Version, slot);
                }
            }
        }

        entry.Table = new ModelTable(versions, null, true, fingerprint);
        RetireReplaced(entry.Name, previous, versions);
        return failures.Count == 0
            ? null
            : InferenceError.InvalidArgument($"failed to load model '{entry.Name}': {string.Join("; ", failures)}");
    }

    private async Task<VersionLoadOutcome> LoadVersionAsync(
        IModelBackend backend, string name, string modelDirectory, ModelVersionFolder folder, ModelConfig config, CancellationToken cancellationToken)
    {
        Log.LoadingVersion(_logger, name, folder.Version);
        try
        {
            // Loading runs on the thread pool: a slow model never holds up the caller or other models.
            var handle = await Task.Run(
                () => ModelVersionLoader.LoadAsync(backend, name, modelDirectory, folder.Version, folder.Path, config, _timeProvider, _metrics, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            return new VersionLoadOutcome(folder.Version, handle, string.Empty);
        }
        catch (ModelLoadException exception)
        {
            return new VersionLoadOutcome(folder.Version, null, exception.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller gave up (a client that hung up on the repository API): the version fails instead of staying
            // LOADING, and the versions that did load are still published rather than leaked.
            return new VersionLoadOutcome(folder.Version, null, "the load was cancelled");
        }
        catch (Exception exception)
        {
            return new VersionLoadOutcome(folder.Version, null, $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private void RetireReplaced(string name, ModelTable previous, ImmutableSortedDictionary<long, VersionSlot> current)
    {
        foreach (var slot in previous.Versions.Values)
        {
            if (slot.Handle is not null && !(current.TryGetValue(slot.Version, out var now) && ReferenceEquals(now.Handle, slot.Handle)))
            {
                slot.Handle.Retire();
                Log.VersionUnloaded(_logger, name, slot.Version);
            }
        }
    }

    private InferenceError Fail(ModelEntry entry, string reason, string fingerprint)
    {
        var table = entry.Table;
        if (table.Handles.Any())
        {
            // A broken change leaves the loaded versions serving, as Triton's poll mode does.
            var versions = table.Versions.SetItems(table.Versions.Values
                .Where(slot => slot.Handle is not null)
                .Select(slot => KeyValuePair.Create(slot.Version, slot with { Reason = "reload failed: " + reason })));
            entry.Table = table with { Versions = versions, Fingerprint = fingerprint, Serving = true };
            foreach (var slot in versions.Values)
            {
                Log.ReloadFailed(_logger, entry.Name, slot.Version, reason);
            }
        }
        else
        {
            entry.Table = new ModelTable(ImmutableSortedDictionary<long, VersionSlot>.Empty, reason, true, fingerprint);
            Log.ModelFailed(_logger, entry.Name, reason);
        }

        return InferenceError.InvalidArgument($"failed to load model '{entry.Name}': {reason}");
    }

    private async Task UnloadLockedAsync(ModelEntry entry)
    {
        entry.DefaultVersion = null;
        var table = entry.Table;
        var handles = table.Handles.ToList();
        entry.Table = table with
        {
            Versions = table.Versions.SetItems(table.Versions.Values.Select(slot =>
                KeyValuePair.Create(slot.Version, slot with { State = ModelState.Unloading, Reason = string.Empty, Handle = null }))),
        };
        handles.ForEach(handle => handle.Retire());
        await Task.WhenAll(handles.Select(handle => handle.Disposed)).ConfigureAwait(false);
        foreach (var handle in handles)
        {
            Log.VersionUnloaded(_logger, entry.Name, handle.Version);
        }

        entry.Table = new ModelTable(
            table.Versions.SetItems(table.Versions.Values.Select(slot =>
                KeyValuePair.Create(slot.Version, new VersionSlot(slot.Version, ModelState.Unavailable, "unloaded", null, null)))),
            null,
            false,
            null);
    }

    private static ModelConfig ReadConfig(ModelDirectory directory)
    {
        var text = directory.ReadConfigText();
        if (text is null)
        {
            return new ModelConfig();
        }

        try
        {
            return ModelConfigText.Parse(text, directory.ConfigPath);
        }
        catch (ModelConfigParseException exception)
        {
            throw new ModelLoadException(exception.Message, exception);
        }
    }

    private sealed record VersionLoadOutcome(long Version, ModelHandle? Handle, string Reason);
}
