namespace Modelport.Core.Lifecycle;

/// <summary>One row of the repository index. <see cref="Version"/> is empty when the model failed before any version was known.</summary>
public sealed record ModelVersionStatus(string Name, string Version, ModelState State, string Reason);
