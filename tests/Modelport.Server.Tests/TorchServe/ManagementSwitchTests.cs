using System.Net;
using Modelport.Core.Repository;
using Modelport.Server.Hosting;

namespace Modelport.Server.Tests.TorchServe;

public sealed class ManagementSwitchTests
{
    [Theory]
    [InlineData("GET", "/models")]
    [InlineData("POST", "/models?url=simple")]
    [InlineData("DELETE", "/models/simple")]
    public async Task Management_is_off_by_default_and_its_routes_are_not_found(string method, string path)
    {
        await using var server = await TestSupport.TestServer.StartAsync(RepositoryRoot.SampleModels, ModelControlMode.Explicit);

        var (status, _) = await server.Client.SendAsync(new HttpMethod(method), path);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public void Management_refuses_to_start_outside_explicit_model_control_mode()
    {
        using var store = new TempRepository();
        var options = new ModelportServerOptions { HttpPort = 0, GrpcPort = 0, TorchServeManagement = true, ModelStore = store.Path };

        var refused = Assert.Throws<ArgumentException>(() => ModelportServer.Build(options, new ModelRepositoryOptions { RepositoryPaths = [RepositoryRoot.SampleModels] }));

        Assert.StartsWith("--torchserve-management needs --model-control-mode=explicit", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Management_refuses_to_start_without_a_model_store()
    {
        var options = new ModelportServerOptions { HttpPort = 0, GrpcPort = 0, TorchServeManagement = true };

        var refused = Assert.Throws<ArgumentException>(options.Validate);

        Assert.StartsWith("--torchserve-management needs --model-store", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_management_port_management_answers_only_there_and_inference_only_elsewhere()
    {
        await using var server = await ManagementServer.StartAsync(options => options with { ManagementPort = 0 });

        var (onManagement, _) = await server.Management.SendAsync(HttpMethod.Get, "/models");
        var (onHttp, refused) = await server.Inference.SendAsync(HttpMethod.Get, "/models");
        var (pingOnManagement, _) = await server.Management.SendAsync(HttpMethod.Get, "/ping");
        var (pingOnHttp, _) = await server.Inference.SendAsync(HttpMethod.Get, "/ping");

        Assert.NotEqual(server.Inference.BaseAddress, server.Management.BaseAddress);
        Assert.Equal("127.0.0.1", server.Management.BaseAddress!.Host);
        Assert.Equal(HttpStatusCode.OK, onManagement);
        Assert.Equal(HttpStatusCode.NotFound, onHttp);
        Assert.Equal("ResourceNotFoundException", TorchServeJson.ErrorOf(onHttp, refused).Type);
        Assert.Equal(HttpStatusCode.NotFound, pingOnManagement);
        Assert.Equal(HttpStatusCode.OK, pingOnHttp);
    }
}
