using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Modelport.Core.Lifecycle;
using Modelport.Core.Repository;
using Modelport.Server.Hosting;

namespace Modelport.Server.Tests.TestSupport;

/// <summary>A real Modelport server on 127.0.0.1 with an OS-assigned port, and an HTTP client pointed at it.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public ModelManager Models => _app.Services.GetRequiredService<ModelManager>();

    public static async Task<TestServer> StartAsync(ModelRepositoryOptions repository, bool waitUntilLoaded = true)
    {
        var app = ModelportServer.Build(new ModelportServerOptions { Host = "127.0.0.1", HttpPort = 0 }, repository);
        await app.StartAsync();
        var server = new TestServer(app, app.ListeningUrls()[0]);
        if (waitUntilLoaded)
        {
            await server.WaitUntilAsync(() => server.Models.IsStarted);
        }

        return server;
    }

    public static Task<TestServer> StartAsync(string repositoryPath, ModelControlMode mode = ModelControlMode.None) =>
        StartAsync(new ModelRepositoryOptions { RepositoryPaths = [repositoryPath], ControlMode = mode, StrictReadiness = false });

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
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
