namespace Modelport.Core.Repository;

/// <summary>The model folders found in the repositories, and the names that could not be resolved with the reason.</summary>
internal sealed record RepositoryScan(
    IReadOnlyDictionary<string, ModelDirectory> Models,
    IReadOnlyDictionary<string, string> Conflicts)
{
    /// <summary>Every model name found, served or in conflict.</summary>
    public IEnumerable<string> Names => Models.Keys.Concat(Conflicts.Keys);
}
