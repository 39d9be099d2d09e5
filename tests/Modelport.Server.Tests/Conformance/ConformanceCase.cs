namespace Modelport.Server.Tests.Conformance;

/// <summary>One conformance case: a folder holding <c>model.onnx</c> and <c>test_data_set_*</c> folders of reference values.</summary>
/// <param name="Id">The suite and the case folder, as in <c>node/test_abs</c>.</param>
internal sealed record ConformanceCase(string Id, string Folder)
{
    public string ModelPath => Path.Combine(Folder, "model.onnx");

    /// <summary>A model name is one folder name in the repository, so the suite and the case join with "__".</summary>
    public string ModelName => Id.Replace("/", "__", StringComparison.Ordinal);

    public IReadOnlyList<string> DataSetFolders => [.. Directory.GetDirectories(Folder, "test_data_set_*").Order(StringComparer.Ordinal)];
}
