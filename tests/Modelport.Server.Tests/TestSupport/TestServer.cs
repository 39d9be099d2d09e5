using System.Net;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Modelport.Core.Lifecycle;
using Modelport.Core.Repository;
using Modelport.Protocol.Grpc;
using Modelport.Server.Hosting;
using Modelport.Server.Tests.TestSupport.Clients;

namespace Modelport.Server.Tests.TestSupport;

/// <summary>
/// A real Modelport server on 127.0.0.1 with OS-assigned HTTP and gRPC ports, an HTTP client and a gRPC channel pointed
/// at it, and a transport-neutral client for each protocol.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    // As large as the server's default limit, so tests of large tensors are limited by the server only.
    private const int MaxMessageBytes = 64 * 1024 * 1024;

    private readonly WebApplication _app;

    private TestServer(WebApplication app)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = app.HttpUrl(), Timeout = TimeSpan.FromSeconds(60) };
        Channel = GrpcChannel.ForAddress(app.GrpcUrl(), new GrpcChannelOptions { MaxReceiveMessageSize = MaxMessageBytes, MaxSendMessageSize = MaxMessageBytes });
        Grpc = new GRPCInferenceService.GRPCInferenceServiceClient(Channel);
    }

    public HttpClient Client { get; }

    public GrpcChannel Channel { get; }

    public GRPCInferenceService.GRPCInferenceServiceClient Grpc { get; }

    public ModelManager Models => _app.Services.GetRequiredService<ModelManager>();

    public static async Task<TestServer> StartAsync(ModelRepositoryOptions repository, bool waitUntilLoaded = true)
    {
        var app = ModelportServer.Build(new ModelportServerOptions { Host = "127.0.0.1", HttpPort = 0, GrpcPort = 0 }, repository);
        await app.StartAsync();
        var server = new TestServer(app);
        if (waitUntilLoaded)
        {
            await server.WaitUntilAsync(() => server.Models.IsStarted);
        }

        return server;
    }

    public static Task<TestServer> StartAsync(string repositoryPath, ModelControlMode mode = ModelControlMode.None) =>
        StartAsync(new ModelRepositoryOptions { RepositoryPaths = [repositoryPath], ControlMode = mode, StrictReadiness = false });

    public IInferenceClient ClientFor(Transport transport) => transport switch
    {
        Transport.Rest => new RestInferenceClient(Client),
        Transport.Grpc => new GrpcInferenceClient(Grpc),
        _ => throw new ArgumentOutOfRangeException(nameof(transport)),
    };

    public async Task WaitUntilAsync(Func<bool> condition, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the condition did not hold within {timeoutSeconds} s");
            }

            await Task.Delay(20);
        }
    }

    public async Task<HttpStatusCode> StatusOfAsync(string path) => (await Client.GetAsync(path)).StatusCode;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
