using Modelport.Core.Configuration;

namespace Modelport.Core.Backends;

/// <summary>Picks the backend for a model: by the config's backend, else its platform, else the model file it finds.</summary>
internal sealed class BackendRegistry(IEnumerable<IModelBackend> backends)
{
    private readonly IModelBackend[] _backends = [.. backends];

    public IModelBackend Select(ModelConfig config, IEnumerable<string> versionFolders)
    {
        if (!string.IsNullOrEmpty(config.Backend))
        {
            return Array.Find(_backends, backend => backend.Name == config.Backend)
                ?? throw new ModelLoadException($"backend '{config.Backend}' is not available; available backends: {Names}");
        }

        if (!string.IsNullOrEmpty(config.Platform))
        {
            return Array.Find(_backends, backend => backend.Platforms.Contains(config.Platform))
                ?? throw new ModelLoadException($"platform '{config.Platform}' is not available; available platforms: {Platforms}");
        }

        foreach (var folder in versionFolders)
        {
            foreach (var backend in _backends)
            {
                var fileName = string.IsNullOrEmpty(config.DefaultModelFilename) ? backend.DefaultModelFileName : config.DefaultModelFilename;
                if (File.Exists(Path.Combine(folder, fileName)) && (fileName == backend.DefaultModelFileName || _backends.Length == 1))
                {
                    return backend;
                }
            }
        }

        throw new ModelLoadException(
            $"the config names no platform or backend, and no version folder holds a model file a backend recognises ({string.Join(", ", _backends.Select(backend => backend.DefaultModelFileName))})");
    }

    private string Names => string.Join(", ", _backends.Select(backend => backend.Name));

    private string Platforms => string.Join(", ", _backends.SelectMany(backend => backend.Platforms));
}
