using Modelport.Core.Repository;
using Modelport.Server.Tests.TestSupport;

namespace Modelport.Server.Tests.Conformance;

/// <summary>
/// One server in explicit mode over a repository with every case's model as <c>{model}/1/model.onnx</c> and no
/// config.pbtxt, so each config is completed from the graph; cases load and unload their model one at a time.
/// </summary>
public sealed class ConformanceServerFixture : IAsyncLifetime
{
    private readonly TempRepository _repository = new();
    private TestServer? _server;

    internal ServerRunner Runner { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        foreach (var conformanceCase in ConformanceData.Cases)
        {
            var versionFolder = Path.Combine(_repository.ModelFolder(conformanceCase.ModelName), "1");
            Directory.CreateDirectory(versionFolder);
            File.CreateSymbolicLink(Path.Combine(versionFolder, "model.onnx"), conformanceCase.ModelPath);
        }

        _server = await TestServer.StartAsync(_repository.Path, ModelControlMode.Explicit);
        Runner = new ServerRunner(_server.Client);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _repository.Dispose();
    }
}
