using Modelport.Testing;

namespace Modelport.Cli.Tests.Perf;

/// <summary>One real server over the sample repository, shared by a test class.</summary>
public sealed class SampleServer : IAsyncLifetime
{
    internal ServerHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ServerHost.StartAsync(RepositoryRoot.SampleModels);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
