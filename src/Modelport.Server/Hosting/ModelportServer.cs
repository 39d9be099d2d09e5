using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Modelport.Backends.OnnxRuntime;
using Modelport.Core.DependencyInjection;
using Modelport.Core.Repository;
using Modelport.Server.Grpc;
using Modelport.Server.KServe;
using Modelport.Server.Metrics;
using Modelport.Server.SharedMemory;
using Modelport.Server.TfServing;
using Modelport.Server.TorchServe;
using Modelport.Server.Tracing;

namespace Modelport.Server.Hosting;

/// <summary>Builds the Modelport web application: Kestrel, the model manager and every protocol front end.</summary>
public static class ModelportServer
{
    public static WebApplication Build(ModelportServerOptions server, ModelRepositoryOptions repository, string[]? args = null)
    {
        server.Validate();
        var store = server.TorchServeManagement ? TorchServeStore(server, repository) : null;
        if (store is not null)
        {
            repository = repository with { RepositoryPaths = [.. repository.RepositoryPaths, store.RegisteredRoot] };
        }

        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        var listeners = new Listeners(server.Host);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = server.MaxRequestBodyBytes;
            listeners.Http = Listen(kestrel, server.Host, server.HttpPort, HttpProtocols.Http1AndHttp2);
            // gRPC clients speak HTTP/2 without TLS to this port (prior knowledge), as they do to Triton's.
            listeners.Grpc = Listen(kestrel, server.Host, server.GrpcPort, HttpProtocols.Http2);
            if (store is not null && server.ManagementPort is { } managementPort)
            {
                listeners.Management = Listen(kestrel, IPAddress.Loopback.ToString(), managementPort, HttpProtocols.Http1AndHttp2);
            }

            if (server.AllowMetrics && server.MetricsPort is { } metricsPort)
            {
                listeners.Metrics = Listen(kestrel, server.Host, metricsPort, HttpProtocols.Http1);
            }
        });
        builder.Services.AddSingleton(listeners);
        if (server.AllowMetrics)
        {
            builder.Services.AddModelportMetrics(server.Metrics);
        }

        builder.Services.AddModelportTracing(server);
        builder.Services.AddModelport(repository).AddOnnxRuntime();
        builder.Services.AddHostedService<ModelLoadingService>();
        // Built by the container, so the container disposes it at shutdown and every region is unmapped.
        builder.Services.AddSingleton(_ => new SharedMemoryRegistry(server.MaxSharedMemoryRegions));
        builder.Services.AddModelportGrpc(server);
        if (store is not null)
        {
            builder.Services.AddSingleton(store);
            builder.Services.AddSingleton<BackgroundChanges>();
        }

        var app = builder.Build();
        app.UseGrpcMessageLimitForGrpcCalls();
        if (server.AllowMetrics)
        {
            app.UseModelportMetrics();
        }

        app.MapKServeV2();
        app.MapTfServing();
        app.MapTorchServeInference();
        if (store is not null)
        {
            app.MapTorchServeManagement(listeners);
        }

        app.MapModelportGrpc();
        return app;
    }

    /// <summary>The URL of TorchServe's management API when it has a port of its own, after start; else null.</summary>
    public static Uri? ManagementUrl(this WebApplication app) => app.Services.GetRequiredService<Listeners>().ManagementUrl;

    /// <summary>The base URLs Kestrel listens on, after start (with the OS-assigned port when the port was 0).</summary>
    public static IReadOnlyList<Uri> ListeningUrls(this WebApplication app) =>
        [.. (app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Select(address => new Uri(address))];

    /// <summary>The URL of the HTTP (REST) end point, after start.</summary>
    public static Uri HttpUrl(this WebApplication app) => app.Services.GetRequiredService<Listeners>().HttpUrl;

    /// <summary>The URL of the gRPC end point, after start.</summary>
    public static Uri GrpcUrl(this WebApplication app) => app.Services.GetRequiredService<Listeners>().GrpcUrl;

    private static ModelStore TorchServeStore(ModelportServerOptions server, ModelRepositoryOptions repository)
    {
        if (repository.ControlMode != ModelControlMode.Explicit)
        {
            throw new ArgumentException(
                "--torchserve-management needs --model-control-mode=explicit: registering and unregistering models at run time " +
                $"is explicit model control, and this server was asked for mode '{repository.ControlMode.ToString().ToLowerInvariant()}'",
                nameof(server));
        }

        var store = new ModelStore(server.ModelStore!, server.MaxModelRegistrationBytes);
        store.Reset();
        return store;
    }

    /// <summary>The URL of the end point that serves <c>/metrics</c> (the HTTP one unless a metrics port is set), after start.</summary>
    public static Uri MetricsUrl(this WebApplication app) => app.Services.GetRequiredService<Listeners>().MetricsUrl;

    private static ListenOptions Listen(KestrelServerOptions kestrel, string host, int port, HttpProtocols protocols)
    {
        ListenOptions? listener = null;
        void Configure(ListenOptions options)
        {
            options.Protocols = protocols;
            listener = options;
        }

        if (host == "localhost")
        {
            kestrel.ListenLocalhost(port, Configure);
        }
        else
        {
            kestrel.Listen(IPAddress.Parse(host), port, Configure);
        }

        return listener!;
    }
}
