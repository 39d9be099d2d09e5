using Modelport.Core.Repository;
using Modelport.Onnx;
using Modelport.Server.Tests.TestSupport;
using OnnxType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Server.Tests.TorchServe;

/// <summary>
/// A server over the sample repository plus <c>echo</c>, a model with one BYTES input (<c>TEXT</c>, [-1, 1]) that
/// answers it unchanged, as TorchServe's raw-body clients need.
/// </summary>
public sealed class PredictionServerFixture : IAsyncLifetime
{
    private readonly TempRepository _repository = new();

    internal TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _repository.WriteModel("echo", 1, Echo());
        Server = await TestServer.StartAsync(new ModelRepositoryOptions { RepositoryPaths = [RepositoryRoot.SampleModels, _repository.Path] });
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _repository.Dispose();
    }

    private static OnnxModelBuilder Echo() =>
        new OnnxModelBuilder("echo")
            .Opset(17)
            .Input("TEXT", OnnxType.String, "batch", 1)
            .Output("ECHO", OnnxType.String, "batch", 1)
            .Node("Identity", ["TEXT"], ["ECHO"]);
}
