using System.Net;

namespace Modelport.Server.Tests.TorchServe;

public sealed class RegistrationLimitTests
{
    [Fact]
    public async Task An_archive_above_the_size_limit_is_refused()
    {
        await using var server = await ManagementServer.StartAsync(options => options with { MaxModelRegistrationBytes = 1024 });
        server.WriteZip("large.zip", ("model.onnx", new byte[4096]));

        var (status, body) = await server.Management.SendAsync(HttpMethod.Post, "/models?url=large.zip&synchronous=true");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("'large.zip' holds more than the registration limit of 1024 bytes", TorchServeJson.ErrorOf(status, body).Message);
    }
}
