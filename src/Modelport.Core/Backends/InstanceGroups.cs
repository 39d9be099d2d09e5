using Modelport.Core.Configuration;

namespace Modelport.Core.Backends;

/// <summary>How many execution instances a config asks for; the loader creates that many, and a backend sizes its threads by it.</summary>
public static class InstanceGroups
{
    /// <summary>
    /// The sum of the instance groups' counts (Triton: a group's count defaults to 1, no group means one instance).
    /// Throws <see cref="ModelLoadException"/> for a GPU group or a negative count.
    /// </summary>
    public static int Count(ModelConfig config)
    {
        if (config.InstanceGroup.Count == 0)
        {
            return 1;
        }

        var count = 0;
        foreach (var group in config.InstanceGroup)
        {
            if (group.Kind == ModelInstanceGroup.Types.Kind.Gpu)
            {
                throw new ModelLoadException(
                    $"instance_group '{group.Name}' has kind KIND_GPU, but this server runs models on the CPU; use KIND_CPU or KIND_AUTO");
            }

            if (group.Count < 0)
            {
                throw new ModelLoadException($"instance_group '{group.Name}' has count {group.Count}; it must be 1 or more");
            }

            count += group.Count == 0 ? 1 : group.Count;
        }

        return count;
    }
}
