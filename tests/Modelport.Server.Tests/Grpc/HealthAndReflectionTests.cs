using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1;
using Modelport.Core.Repository;
using Modelport.Server.Tests.TestSupport;

namespace Modelport.Server.Tests.Grpc;

public sealed class HealthAndReflectionTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    [Theory]
    [InlineData("")]
    [InlineData("inference.GRPCInferenceService")]
    public async Task Health_is_serving_when_the_server_is_ready(string service)
    {
        var response = await new Health.HealthClient(fixture.Server.Channel).CheckAsync(new HealthCheckRequest { Service = service });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Health_is_not_serving_while_a_model_is_not_ready()
    {
        using var repository = new TempRepository();
        repository.WriteModel("good", 1, TestModels.Scale(2)).WriteBytes("corrupt/1/model.onnx", [1, 2, 3]);
        await using var server = await TestServer.StartAsync(new ModelRepositoryOptions { RepositoryPaths = [repository.Path], StrictReadiness = true });

        var response = await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, response.Status);
        Assert.False((await server.Grpc.ServerReadyAsync(new Protocol.Grpc.ServerReadyRequest())).Ready);
    }

    [Fact]
    public async Task Reflection_lists_the_services_and_describes_the_inference_service_with_its_config_schema()
    {
        using var call = new ServerReflection.ServerReflectionClient(fixture.Server.Channel).ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "inference.ModelInferRequest" });
        await call.RequestStream.CompleteAsync();
        var answers = new List<ServerReflectionResponse>();
        await foreach (var answer in call.ResponseStream.ReadAllAsync())
        {
            answers.Add(answer);
        }

        var services = answers[0].ListServicesResponse.Service.Select(service => service.Name).ToList();
        Assert.Contains("inference.GRPCInferenceService", services);
        Assert.Contains("grpc.health.v1.Health", services);
        var files = answers[1].FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(bytes)).ToList();
        var service = Assert.Single(files, file => file.Name == "grpc_service.proto");
        Assert.Equal("inference", service.Package);
        Assert.Contains("model_config.proto", service.Dependency);
    }
}
