using Modelport.Core.Configuration;

namespace Modelport.Core.Backends;

/// <summary>A loaded model version: its completed config and a factory for its execution instances.</summary>
public interface IBackendModel : IDisposable
{
    /// <summary>The config completed from the model's signature and checked against it.</summary>
    ModelConfig Config { get; }

    /// <summary>Creates one execution instance (Triton's <c>instance_group</c> count says how many).</summary>
    IModelInstance CreateInstance();
}
