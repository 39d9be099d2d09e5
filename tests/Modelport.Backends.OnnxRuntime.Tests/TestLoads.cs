using Modelport.Core.Backends;
using Modelport.Core.Configuration;

namespace Modelport.Backends.OnnxRuntime.Tests;

internal static class TestLoads
{
    public static string Samples { get; } = Path.Combine(FindRepositoryRoot(), "samples", "models");

    public static Task<IBackendModel> LoadAsync(
        string path, ModelConfig? config = null, string name = "test", CancellationToken cancellationToken = default) =>
        new OnnxRuntimeBackend().LoadAsync(
            new BackendLoadContext { ModelName = name, Version = 1, ModelFilePath = path, Config = config ?? new ModelConfig() },
            cancellationToken);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Modelport.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Modelport.slnx.");
    }
}
