using Grpc.Core;
using Modelport.Core.Repository;
using Modelport.Server.Hosting;
using Modelport.Server.Tests.TestSupport;
using Modelport.Server.Tests.TestSupport.Clients;

namespace Modelport.Server.Tests.Grpc;

/// <summary>gRPC messages are limited by MaxGrpcMessageBytes alone, not by the REST body limit.</summary>
public sealed class MessageSizeTests
{
    private static readonly InferCall Megabyte = new("identity_fp32_noconfig", [Tensor.Fp32("INPUT", [1, 250_000], new float[250_000])]) { Binary = true };

    [Fact]
    public async Task A_message_within_the_grpc_limit_passes_a_smaller_rest_body_limit()
    {
        await using var server = await StartAsync(options => options with { MaxRequestBodyBytes = 64 * 1024 });

        var reply = await server.ClientFor(Transport.Grpc).InferAsync(Megabyte);

        Assert.Equal([1L, 250_000L], reply.Output("OUTPUT").Shape);
    }

    [Fact]
    public async Task A_message_above_the_grpc_limit_is_refused_as_resource_exhausted()
    {
        await using var server = await StartAsync(options => options with { MaxGrpcMessageBytes = 64 * 1024 });

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Grpc.ModelInferAsync(GrpcInferenceClient.Request(Megabyte)).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    private static Task<TestServer> StartAsync(Func<ModelportServerOptions, ModelportServerOptions> configure) =>
        TestServer.StartAsync(new ModelRepositoryOptions { RepositoryPaths = [RepositoryRoot.SampleModels], StrictReadiness = false }, configure: configure);
}
