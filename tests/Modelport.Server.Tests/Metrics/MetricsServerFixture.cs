using Modelport.Server.Tests.TestSupport;
using Modelport.Server.Tests.TestSupport.Clients;

namespace Modelport.Server.Tests.Metrics;

/// <summary>A server with the Scale(2) model under the configs the metrics tests need, one copy per transport and test.</summary>
public sealed class MetricsServerFixture : IAsyncLifetime
{
    /// <summary>Batches of up to 8 requests, leaving as soon as an instance is free.</summary>
    public const string Counted = "counted";

    /// <summary>Requests wait 1.5 s for a batch of 64 that never fills; a request's own timeout rejects it sooner.</summary>
    public const string Waiting = "waiting";

    /// <summary>The same as <see cref="Counted"/>, for the test of the families' types alone.</summary>
    public const string Typed = "typed";

    /// <summary>The same as <see cref="Waiting"/>, for the test of the pending gauge alone.</summary>
    public const string Pending = "pending";

    private const string CountedConfig = """
        max_batch_size: 8
        dynamic_batching { }
        """;

    private const string WaitingConfig = """
        max_batch_size: 64
        dynamic_batching {
          max_queue_delay_microseconds: 1500000
          default_queue_policy { allow_timeout_override: true }
        }
        """;

    private static readonly Dictionary<string, string> Configs = new()
    {
        [Counted] = CountedConfig,
        [Typed] = CountedConfig,
        [Waiting] = WaitingConfig,
        [Pending] = WaitingConfig,
    };

    private readonly TempRepository _repository = new();

    internal TestServer Server { get; private set; } = null!;

    public static string Model(string kind, Transport transport) => $"{kind}_{transport}".ToLowerInvariant();

    public async Task InitializeAsync()
    {
        foreach (var (kind, config) in Configs)
        {
            foreach (var transport in Enum.GetValues<Transport>())
            {
                var name = Model(kind, transport);
                _repository.WriteModel(name, 1, TestModels.Scale(2)).WriteFile($"{name}/config.pbtxt", $"name: \"{name}\"\n{config}");
            }
        }

        Server = await TestServer.StartAsync(_repository.Path);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _repository.Dispose();
    }
}
