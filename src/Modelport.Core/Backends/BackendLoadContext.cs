using Modelport.Core.Configuration;

namespace Modelport.Core.Backends;

/// <summary>What a backend needs to load one model version.</summary>
public sealed class BackendLoadContext
{
    public required string ModelName { get; init; }

    public required long Version { get; init; }

    public required string ModelFilePath { get; init; }

    /// <summary>The config as written by the user (possibly partial or empty); the backend completes a copy of it.</summary>
    public required ModelConfig Config { get; init; }
}
