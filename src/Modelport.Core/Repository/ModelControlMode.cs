namespace Modelport.Core.Repository;

/// <summary>Triton's model control modes.</summary>
public enum ModelControlMode
{
    /// <summary>Load every model at start; the repository API cannot load or unload.</summary>
    None,

    /// <summary>Load every model at start, then rescan the repositories periodically and apply what changed.</summary>
    Poll,

    /// <summary>Load only the models named at start; afterwards only the repository API loads and unloads.</summary>
    Explicit,
}
