using System.Net;
using Grpc.Net.Client;
using Modelport.Core.Inference;
using Modelport.Core.Lifecycle;
using Modelport.Core.Repository;
using Modelport.Protocol.Grpc;
using Modelport.Server.Hosting;
using Modelport.Server.Tests.TestSupport.Clients;

namespace Modelport.Server.Tests.TestSupport;

/// <summary>
/// A real server (<see cref="ServerHost"/>) with an HTTP client and a gRPC channel pointed at it, and a
/// transport-neutral client for each protocol.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    // As large as the server's default limit, so tests of large tensors are limited by the server only.
    private const int MaxMessageBytes = 64 * 1024 * 1024;

    private readonly ServerHost _host;

    private TestServer(ServerHost host)
    {
        _host = host;
        Client = new HttpClient { BaseAddress = host.HttpUrl, Timeout = TimeSpan.FromSeconds(60) };
        Channel = GrpcChannel.ForAddress(host.GrpcUrl, new GrpcChannelOptions { MaxReceiveMessageSize = MaxMessageBytes, MaxSendMessageSize = MaxMessageBytes });
        Grpc = new GRPCInferenceService.GRPCInferenceServiceClient(Channel);
    }

    public HttpClient Client { get; }

    public GrpcChannel Channel { get; }

    public GRPCInferenceService.GRPCInferenceServiceClient Grpc { get; }

    public Uri? MetricsUrl => _host.MetricsUrl;

    public ModelManager Models => _host.Models;

    public InferenceService Inference => _host.Inference;

    public Uri? ManagementUrl => _host.ManagementUrl;

    public static async Task<TestServer> StartAsync(
        ModelRepositoryOptions repository, bool waitUntilLoaded = true, Func<ModelportServerOptions, ModelportServerOptions>? configure = null) =>
        new(await ServerHost.StartAsync(repository, waitUntilLoaded, configure));

    public static async Task<TestServer> StartAsync(string repositoryPath, ModelControlMode mode = ModelControlMode.None) =>
        new(await ServerHost.StartAsync(repositoryPath, mode));

    public IInferenceClient ClientFor(Transport transport) => transport switch
    {
        Transport.Rest => new RestInferenceClient(Client),
        Transport.Grpc => new GrpcInferenceClient(Grpc),
        _ => throw new ArgumentOutOfRangeException(nameof(transport)),
    };

    public Task WaitUntilAsync(Func<bool> condition, int timeoutSeconds = 60) => ServerHost.WaitUntilAsync(condition, timeoutSeconds);

    public async Task<HttpStatusCode> StatusOfAsync(string path) => (await Client.GetAsync(path)).StatusCode;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Channel.Dispose();
        await _host.DisposeAsync();
    }
}
