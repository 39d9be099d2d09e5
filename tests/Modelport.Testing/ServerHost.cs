using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Modelport.Core.Inference;
using Modelport.Core.Lifecycle;
using Modelport.Core.Repository;
using Modelport.Server.Hosting;

namespace Modelport.Testing;

/// <summary>A real Modelport server on 127.0.0.1 with OS-assigned HTTP and gRPC ports.</summary>
public sealed class ServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServerHost(WebApplication app, ModelportServerOptions options)
    {
        _app = app;
        HttpUrl = app.HttpUrl();
        GrpcUrl = app.GrpcUrl();
        ManagementUrl = app.ManagementUrl();

        MetricsUrl = options.AllowMetrics ? app.MetricsUrl() : null;
    }

    public Uri HttpUrl { get; }

    public Uri GrpcUrl { get; }

    /// <summary>TorchServe's management API when it has a port of its own; else null.</summary>
    public Uri? ManagementUrl { get; }

    /// <summary>Where <c>/metrics</c> answers: the HTTP end point, or the metrics port when one is set; null with metrics off.</summary>
    public Uri? MetricsUrl { get; }

    public ModelManager Models => _app.Services.GetRequiredService<ModelManager>();

    public InferenceService Inference => _app.Services.GetRequiredService<InferenceService>();

    /// <summary>Starts the server and, unless told not to, waits until the start-up loads are done.</summary>
    public static async Task<ServerHost> StartAsync(
        ModelRepositoryOptions repository, bool waitUntilLoaded = true, Func<ModelportServerOptions, ModelportServerOptions>? configure = null)
    {
        var defaults = new ModelportServerOptions { Host = "127.0.0.1", HttpPort = 0, GrpcPort = 0 };
        var options = configure?.Invoke(defaults) ?? defaults;
        var app = ModelportServer.Build(options, repository);
        await app.StartAsync();
        var host = new ServerHost(app, options);
        if (waitUntilLoaded)
        {
            await WaitUntilAsync(() => host.Models.IsStarted);
        }

        return host;
    }

    public static Task<ServerHost> StartAsync(string repositoryPath, ModelControlMode mode = ModelControlMode.None) =>
        StartAsync(new ModelRepositoryOptions { RepositoryPaths = [repositoryPath], ControlMode = mode, StrictReadiness = false });

    public static async Task WaitUntilAsync(Func<bool> condition, int timeoutSeconds = 60)
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
