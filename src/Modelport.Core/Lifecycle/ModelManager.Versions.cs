using Modelport.Core.Configuration;
using Modelport.Core.Errors;
using Modelport.Core.Repository;

namespace Modelport.Core.Lifecycle;

public sealed partial class ModelManager
{
    /// <summary>
    /// Makes <paramref name="version"/> the version that requests naming no version get, instead of the highest ready
    /// one, over every protocol. The choice lasts until the model is unloaded; while a reload has dropped the version
    /// from the model (its version policy no longer selects it), the highest ready version answers again.
    /// </summary>
    public InferenceError? SetDefaultVersion(string name, long version)
    {
        if (!_models.TryGetValue(name, out var entry) || entry.Table == ModelTable.Empty)
        {
            return InferenceError.NotFound($"unknown model '{name}'");
        }

        if (!entry.Table.Versions.TryGetValue(version, out var slot))
        {
            return InferenceError.NotFound($"unknown version {version} of model '{name}'");
        }

        if (slot.State != ModelState.Ready)
        {
            return InferenceError.NotReady($"version {version} of model '{name}' is {slot.State.WireName()}, so it cannot be the default version");
        }

        entry.DefaultVersion = version;
        return null;
    }

    /// <summary>
    /// Sets how many instances run the model: its <c>instance_group</c> becomes one group (the kind of its first group)
    /// with <paramref name="count"/> instances. The count is a model-level setting, so every loaded version gets it;
    /// <paramref name="version"/>, when given, must be one of them. Today this reloads the model with its current config
    /// changed so (requests keep being served by the old instances until the new ones are ready); callers only see the
    /// outcome, so a later version can resize the instance pool in place. Only in explicit model control mode.
    /// </summary>
    public async Task<InferenceError?> SetInstanceCountAsync(string name, long? version, int count, CancellationToken cancellationToken)
    {
        if (_options.ControlMode != ModelControlMode.Explicit)
        {
            return ControlDisabled("scale");
        }

        if (count < 1)
        {
            return InferenceError.InvalidArgument($"the instance count of model '{name}' must be 1 or more, not {count}");
        }

        if (!_models.TryGetValue(name, out var entry) || entry.Table == ModelTable.Empty)
        {
            return InferenceError.NotFound($"unknown model '{name}'");
        }

        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var table = entry.Table;
            VersionSlot? slot;
            if (version is { } number)
            {
                if (!table.Versions.TryGetValue(number, out slot))
                {
                    return InferenceError.NotFound($"unknown version {number} of model '{name}'");
                }
            }
            else
            {
                slot = table.LatestReady;
            }

            if (slot?.Handle is not { } handle)
            {
                return InferenceError.NotReady($"model '{name}' has no loaded version{(version is null ? string.Empty : $" {version}")} to scale");
            }

            var config = handle.Config.Clone();
            var group = config.InstanceGroup.FirstOrDefault()?.Clone() ?? new ModelInstanceGroup();
            group.Count = count;
            config.InstanceGroup.Clear();
            config.InstanceGroup.Add(group);
            return await LoadLockedAsync(entry, config, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            entry.Gate.Release();
        }
    }
}
