namespace Modelport.Client.Tests.TestSupport;

/// <summary>One server over the committed sample repository, shared by a test class.</summary>
public sealed class SampleServerFixture : IAsyncLifetime
{
    internal TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestServer.StartAsync(RepositoryRoot.SampleModels);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
