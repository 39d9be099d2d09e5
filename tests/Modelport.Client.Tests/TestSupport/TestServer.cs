using Modelport.Core.Repository;

namespace Modelport.Client.Tests.TestSupport;

/// <summary>A real server (<see cref="ServerHost"/>) and clients of each transport pointed at it.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly ServerHost _host;

    private TestServer(ServerHost host) => _host = host;

    public Uri HttpAddress => _host.HttpUrl;

    public Uri GrpcAddress => _host.GrpcUrl;

    public static async Task<TestServer> StartAsync(ModelRepositoryOptions repository) => new(await ServerHost.StartAsync(repository));

    public static async Task<TestServer> StartAsync(string repositoryPath, ModelControlMode mode = ModelControlMode.None) =>
        new(await ServerHost.StartAsync(repositoryPath, mode));

    public IInferenceClient Client(Transport transport) => Client(transport, transport == Transport.Grpc ? GrpcAddress : HttpAddress);

    public ModelportGrpcClient GrpcClient() => new(GrpcAddress);

    public static IInferenceClient Client(Transport transport, Uri address) => transport switch
    {
        Transport.Http => new ModelportHttpClient(address),
        Transport.HttpJson => new ModelportHttpClient(address, new ModelportHttpClientOptions { BinaryData = false }),
        Transport.Grpc => new ModelportGrpcClient(address),
        _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, null),
    };

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
