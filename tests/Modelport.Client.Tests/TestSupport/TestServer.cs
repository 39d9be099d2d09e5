using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Modelport.Core.Lifecycle;
using Modelport.Core.Repository;
using Modelport.Server.Hosting;

namespace Modelport.Client.Tests.TestSupport;

/// <summary>A real Modelport server on 127.0.0.1 with OS-assigned ports, and clients of each transport pointed at it.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app)
    {
        _app = app;
        HttpAddress = app.HttpUrl();
        GrpcAddress = app.GrpcUrl();
    }

    public Uri HttpAddress { get; }

    public Uri GrpcAddress { get; }

    public static async Task<TestServer> StartAsync(ModelRepositoryOptions repository)
    {
        var app = ModelportServer.Build(new ModelportServerOptions { Host = "127.0.0.1", HttpPort = 0, GrpcPort = 0 }, repository);
        await app.StartAsync();
        var server = new TestServer(app);
        var models = app.Services.GetRequiredService<ModelManager>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!models.IsStarted)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the server's models did not load within 60 s");
            }

            await Task.Delay(20);
        }

        return server;
    }

    public static Task<TestServer> StartAsync(string repositoryPath, ModelControlMode mode = ModelControlMode.None) =>
        StartAsync(new ModelRepositoryOptions { RepositoryPaths = [repositoryPath], ControlMode = mode, StrictReadiness = false });

    public IInferenceClient Client(Transport transport) => Client(transport, transport == Transport.Grpc ? GrpcAddress : HttpAddress);

    public ModelportGrpcClient GrpcClient() => new(GrpcAddress);

    public static IInferenceClient Client(Transport transport, Uri address) => transport switch
    {
        Transport.Http => new ModelportHttpClient(address),
        Transport.HttpJson => new ModelportHttpClient(address, new ModelportHttpClientOptions { BinaryData = false }),
        Transport.Grpc => new ModelportGrpcClient(address),
        _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, null),
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
