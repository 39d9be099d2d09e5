using Modelport.Core.Repository;
using Modelport.Onnx;
using Modelport.Server.Tests.TestSupport;
using OnnxType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Server.Tests.TfServing;

/// <summary>
/// A server over models built for the TF Serving tests: <c>scale</c> (×2 as version 1, ×3 as version 2) with version
/// labels, <c>misconfigured</c> with a malformed label list, <c>blob</c> whose output ends in <c>_bytes</c>, and
/// <c>corrupt</c>, which fails to load.
/// </summary>
public sealed class LabelledRepositoryFixture : IAsyncLifetime
{
    private readonly TempRepository _repository = new();

    internal TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _repository
            .WriteModel("scale", 1, TestModels.Scale(2))
            .WriteModel("scale", 2, TestModels.Scale(3))
            .WriteFile("scale/config.pbtxt", Config("stable:1, canary:2, retired:7"))
            .WriteModel("misconfigured", 1, TestModels.Scale(2))
            .WriteFile("misconfigured/config.pbtxt", Config("stable:one"))
            .WriteModel("blob", 1, Blob())
            .WriteBytes("corrupt/1/model.onnx", "this is not an ONNX model"u8.ToArray());
        Server = await TestServer.StartAsync(new ModelRepositoryOptions { RepositoryPaths = [_repository.Path] });
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _repository.Dispose();
    }

    private static string Config(string labels) =>
        $$"""
        version_policy: { all { } }
        parameters { key: "version_labels" value { string_value: "{{labels}}" } }
        """;

    private static OnnxModelBuilder Blob() =>
        new OnnxModelBuilder("blob")
            .Opset(17)
            .Input("data", OnnxType.String, "batch")
            .Output("data_bytes", OnnxType.String, "batch")
            .Node("Identity", ["data"], ["data_bytes"]);
}
