using System.IO.Compression;
using Modelport.Core.Repository;
using Modelport.Server.Hosting;
using Modelport.Server.Tests.TestSupport;

namespace Modelport.Server.Tests.TorchServe;

/// <summary>
/// A server with TorchServe's management API over the sample repository in explicit mode (<c>simple</c> and
/// <c>multiplier</c> loaded at start) and a model store of its own, in which tests put folders and archives.
/// </summary>
internal sealed class ManagementServer : IAsyncDisposable
{
    private ManagementServer(TempRepository store, TestServer server)
    {
        Store = store;
        Server = server;
        Management = new HttpClient { BaseAddress = server.ManagementUrl ?? server.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public TempRepository Store { get; }

    public TestServer Server { get; }

    /// <summary>A client of the management API, on its own port when the server has one.</summary>
    public HttpClient Management { get; }

    public HttpClient Inference => Server.Client;

    public string RegisteredRoot => Path.Combine(Store.Path, ".modelport-registered");

    public static async Task<ManagementServer> StartAsync(Func<ModelportServerOptions, ModelportServerOptions>? configure = null)
    {
        var store = new TempRepository();
        var server = await TestServer.StartAsync(
            new ModelRepositoryOptions
            {
                RepositoryPaths = [RepositoryRoot.SampleModels],
                ControlMode = ModelControlMode.Explicit,
                StartupModels = ["simple", "multiplier"],
                StrictReadiness = false,
            },
            configure: options =>
            {
                var managed = options with { TorchServeManagement = true, ModelStore = store.Path };
                return configure?.Invoke(managed) ?? managed;
            });
        return new ManagementServer(store, server);
    }

    /// <summary>Writes a zip into the store whose entries hold the given bytes.</summary>
    public void WriteZip(string name, params (string Entry, byte[] Content)[] entries)
    {
        using var archive = ZipFile.Open(Path.Combine(Store.Path, name), ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            using var stream = archive.CreateEntry(entry).Open();
            stream.Write(content);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Management.Dispose();
        await Server.DisposeAsync();
        Store.Dispose();
    }
}
