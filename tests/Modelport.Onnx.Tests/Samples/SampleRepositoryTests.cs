namespace Modelport.Onnx.Tests.Samples;

public sealed class SampleRepositoryTests
{
    // Set to 1 to rewrite the committed samples from the generator, after changing SampleModels.
    private const string UpdateVariable = "MODELPORT_UPDATE_SAMPLES";

    [Fact]
    public void Generate_WritesTheCommittedModelFiles()
    {
        using var directory = new TempDirectory();

        var files = SampleRepository.Generate(directory.Path);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            SampleRepository.Generate(TestPaths.Samples);
        }

        foreach (string file in files)
        {
            string committed = Path.Combine(TestPaths.Samples, file);
            Assert.True(File.Exists(committed), $"{committed} is missing; run the tests with {UpdateVariable}=1.");
            Assert.True(
                File.ReadAllBytes(Path.Combine(directory.Path, file)).AsSpan().SequenceEqual(File.ReadAllBytes(committed)),
                $"{committed} differs from the generator's output; run the tests with {UpdateVariable}=1.");
        }

        string[] committedModels = [.. Directory.GetFiles(TestPaths.Samples, "*.onnx", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(TestPaths.Samples, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
        Assert.Equal(files.Order(StringComparer.Ordinal), committedModels);
    }

    [Fact]
    public void EveryModelButNoconfig_HasItsConfig()
    {
        foreach (string model in Directory.GetDirectories(TestPaths.Samples))
        {
            string name = Path.GetFileName(model);
            string config = Path.Combine(model, "config.pbtxt");
            if (name.EndsWith("_noconfig", StringComparison.Ordinal))
            {
                Assert.False(File.Exists(config), $"{config} should not exist.");
            }
            else
            {
                Assert.StartsWith($"name: \"{name}\"\nplatform: \"onnxruntime_onnx\"\n", File.ReadAllText(config), StringComparison.Ordinal);
            }
        }
    }
}
