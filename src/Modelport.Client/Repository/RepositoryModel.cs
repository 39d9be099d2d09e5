namespace Modelport.Client;

/// <summary>A row of the model repository index.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="Version">The version, when the row is about one.</param>
/// <param name="State">The state, such as <c>READY</c>, <c>UNAVAILABLE</c> or <c>LOADING</c>.</param>
/// <param name="Reason">Why the model is in that state, such as a load error; empty when there is nothing to say.</param>
public sealed record RepositoryModel(string Name, string? Version, string State, string Reason);
