using System.Net;

namespace Modelport.Cli.Tests.Serve;

public sealed class ServeCommandTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Serve_without_a_repository_serves_the_samples_and_logs_the_model_table()
    {
        var port = ModelportProcess.FreePort();
        var grpcPort = ModelportProcess.FreePort();
        using var modelport = ModelportProcess.Start(
            "serve", "--http-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--grpc-port", grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await modelport.WaitForOutputAsync("Models after start-up", StartTimeout);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var ready = await client.GetAsync("/v2/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Matches(@"\| simple +\| 1 +\| READY +\|", modelport.Output);
        Assert.Matches(@"\| multiplier +\| 2 +\| READY +\|", modelport.Output);
        Assert.Contains($"Now listening on: http://127.0.0.1:{port}", modelport.Output, StringComparison.Ordinal);
        Assert.Contains($"Now listening on: http://127.0.0.1:{grpcPort}", modelport.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explicit_mode_loads_only_the_models_named_with_load_model()
    {
        var port = ModelportProcess.FreePort();
        using var modelport = ModelportProcess.Start(
            "serve", "--http-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--grpc-port", "0", "--model-control-mode", "explicit", "--load-model", "simple");

        await modelport.WaitForOutputAsync("Models after start-up", StartTimeout);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v2/models/simple/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v2/models/multiplier/ready")).StatusCode);
    }

    [Theory]
    [InlineData("--model-repository", "/no/such/folder", "--model-repository '/no/such/folder' is not a folder")]
    [InlineData("--host", "not-an-address", "--host must be an IP address or 'localhost', not 'not-an-address'")]
    [InlineData("--repository-poll-secs", "0", "--repository-poll-secs must be 1 or more")]
    [InlineData("--http-port", "70000", "--http-port must be between 0 and 65535")]
    [InlineData("--grpc-port", "70000", "--grpc-port must be between 0 and 65535")]
    [InlineData("--grpc-port", "8000", "--grpc-port and --http-port must differ, not both 8000")]
    public async Task Bad_arguments_stop_with_a_message_naming_the_option(string option, string value, string message)
    {
        using var modelport = ModelportProcess.Start("serve", option, value);

        var exitCode = await modelport.WaitForExitAsync(StartTimeout);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, modelport.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TorchServe_management_outside_explicit_mode_stops_with_a_message()
    {
        using var modelport = ModelportProcess.Start(
            "serve", "--http-port", "0", "--grpc-port", "0", "--torchserve-management", "--model-store", Path.GetTempPath());

        var exitCode = await modelport.WaitForExitAsync(StartTimeout);

        Assert.Equal(2, exitCode);
        Assert.Contains("--torchserve-management needs --model-control-mode=explicit", modelport.Output, StringComparison.Ordinal);
    }
}
