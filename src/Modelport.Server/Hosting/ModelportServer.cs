using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Modelport.Backends.OnnxRuntime;
using Modelport.Core.DependencyInjection;
using Modelport.Core.Repository;
using Modelport.Server.KServe;
using Modelport.Server.TfServing;

namespace Modelport.Server.Hosting;

/// <summary>Builds the Modelport web application: Kestrel, the model manager and every protocol front end.</summary>
public static class ModelportServer
{
    public static WebApplication Build(ModelportServerOptions server, ModelRepositoryOptions repository, string[]? args = null)
    {
        server.Validate();
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = server.MaxRequestBodyBytes;
            if (server.Host == "localhost")
            {
                kestrel.ListenLocalhost(server.HttpPort);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(server.Host), server.HttpPort);
            }
        });
        builder.Services.AddModelport(repository).AddOnnxRuntime();
        builder.Services.AddHostedService<ModelLoadingService>();

        var app = builder.Build();
        app.MapKServeV2();
        app.MapTfServing();
        return app;
    }

    /// <summary>The base URLs Kestrel listens on, after start (with the OS-assigned port when the port was 0).</summary>
    public static IReadOnlyList<Uri> ListeningUrls(this WebApplication app) =>
        [.. (app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Select(address => new Uri(address))];
}
