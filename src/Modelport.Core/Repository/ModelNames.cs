namespace Modelport.Core.Repository;

/// <summary>Which names can be model names: a name is a single folder inside a repository, never a path.</summary>
public static class ModelNames
{
    public const int MaxLength = 256;

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= MaxLength
        && name is not "." and not ".."
        && name.IndexOfAny(['/', '\\', '\0']) < 0;
}
