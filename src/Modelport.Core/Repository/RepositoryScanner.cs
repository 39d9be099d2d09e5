namespace Modelport.Core.Repository;

/// <summary>Finds the model folders of several repositories; a model name present in two repositories is an error.</summary>
internal static class RepositoryScanner
{
    public static RepositoryScan Scan(IReadOnlyList<string> repositoryPaths)
    {
        var models = new Dictionary<string, ModelDirectory>(StringComparer.Ordinal);
        var conflicts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var repositoryPath in repositoryPaths)
        {
            if (!Directory.Exists(repositoryPath))
            {
                continue;
            }

            foreach (var folder in new DirectoryInfo(repositoryPath).EnumerateDirectories())
            {
                if (folder.Name.StartsWith('.'))
                {
                    continue;
                }

                if (models.TryGetValue(folder.Name, out var existing))
                {
                    conflicts[folder.Name] =
                        $"model '{folder.Name}' appears in more than one repository: '{existing.Path}' and '{folder.FullName}'";
                    continue;
                }

                models[folder.Name] = new ModelDirectory(folder.Name, folder.FullName);
            }
        }

        foreach (var name in conflicts.Keys)
        {
            models.Remove(name);
        }

        return new RepositoryScan(models, conflicts);
    }
}
