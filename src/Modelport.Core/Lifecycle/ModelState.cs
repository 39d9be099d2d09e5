namespace Modelport.Core.Lifecycle;

/// <summary>The states Triton's repository index reports for a model version.</summary>
public enum ModelState
{
    Loading,
    Ready,
    Unloading,
    Unavailable,
}
