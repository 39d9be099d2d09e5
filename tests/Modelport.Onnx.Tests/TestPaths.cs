namespace Modelport.Onnx.Tests;

internal static class TestPaths
{
    // Installed by the Debian package libonnx-testdata (ONNX 1.12 conformance data).
    private const string OnnxTestData = "/usr/share/libonnx-testdata/data";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Samples => Path.Combine(RepositoryRoot, "samples", "models");

    public static string NodeTests
    {
        get
        {
            string directory = Path.Combine(OnnxTestData, "node");
            Assert.True(Directory.Exists(directory), $"{directory} is missing; install the Debian package libonnx-testdata.");
            return directory;
        }
    }

    public static string NodeTest(string name) => Path.Combine(NodeTests, name);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Modelport.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Modelport.slnx.");
    }
}
