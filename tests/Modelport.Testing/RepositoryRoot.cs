namespace Modelport.Testing;

/// <summary>The checkout's root folder (the one holding Modelport.slnx), found from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string SampleModels => System.IO.Path.Combine(Path, "samples", "models");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Modelport.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no Modelport.slnx above {AppContext.BaseDirectory}");
    }
}
