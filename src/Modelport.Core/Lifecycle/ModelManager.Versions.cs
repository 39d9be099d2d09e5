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
}
