namespace Modelport.Core.Backends;

/// <summary>An inference engine that turns a model file into executable instances.</summary>
public interface IModelBackend
{
    /// <summary>The name a config selects it by with <c>backend: "..."</c>, such as <c>onnxruntime</c>.</summary>
    string Name { get; }

    /// <summary>The names a config selects it by with <c>platform: "..."</c>, such as <c>onnxruntime_onnx</c>.</summary>
    IReadOnlyCollection<string> Platforms { get; }

    /// <summary>The file a version folder holds when the config names none (Triton's <c>default_model_filename</c>).</summary>
    string DefaultModelFileName { get; }

    /// <summary>
    /// Loads a model version and completes its config from the model file's own signature. Throws
    /// <see cref="ModelLoadException"/> with the reason when the file or the config is unusable.
    /// </summary>
    Task<IBackendModel> LoadAsync(BackendLoadContext context, CancellationToken cancellationToken);
}
