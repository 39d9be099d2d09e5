namespace Modelport.Server.Tests.Conformance;

/// <summary>The case catalogue of ONNX's backend conformance data, as Debian's libonnx-testdata (ONNX 1.12) installs it.</summary>
internal static class ConformanceData
{
    public const string Root = "/usr/share/libonnx-testdata/data";

    // "real" holds only data.json files that name model downloads (resnet50, vgg19, ...); it adds no case until
    // a package ships those models, and is read so that they would be run if it did.
    private static readonly string[] Suites = ["node", "simple", "pytorch-converted", "pytorch-operator", "real"];

    public static IReadOnlyList<ConformanceCase> Cases { get; } = Discover();

    public static ConformanceCase Get(string id) =>
        Cases.FirstOrDefault(candidate => candidate.Id == id) ?? throw new ArgumentException($"no conformance case '{id}' under {Root}", nameof(id));

    private static ConformanceCase[] Discover() =>
    [
        .. from suite in Suites
           let suiteFolder = Path.Combine(Root, suite)
           where Directory.Exists(suiteFolder)
           from folder in Directory.GetDirectories(suiteFolder).Order(StringComparer.Ordinal)
           let conformanceCase = new ConformanceCase($"{suite}/{Path.GetFileName(folder)}", folder)
           where File.Exists(conformanceCase.ModelPath) && conformanceCase.DataSetFolders.Count > 0
           select conformanceCase,
    ];
}
