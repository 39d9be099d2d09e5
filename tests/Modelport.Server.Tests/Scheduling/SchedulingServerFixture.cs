using Modelport.Server.Tests.TestSupport;
using Modelport.Server.Tests.TestSupport.Clients;

namespace Modelport.Server.Tests.Scheduling;

/// <summary>
/// A server whose repository holds the Scale(2) ONNX model under several scheduling configs, one copy per transport
/// and test so that each test reads statistics and queues of its own.
/// </summary>
public sealed class SchedulingServerFixture : IAsyncLifetime
{
    /// <summary>Batches of up to 8 requests, gathered for up to 200 ms.</summary>
    public const string Batching = "batching";

    /// <summary>Requests wait 1.5 s for a batch of 64 that never fills, in a queue of 4 that honours request timeouts.</summary>
    public const string SmallQueue = "small_queue";

    /// <summary>Two priority levels, the default the lower one.</summary>
    public const string Prioritised = "prioritised";

    private static readonly Dictionary<string, string> Configs = new()
    {
        [Batching] = """
            max_batch_size: 8
            dynamic_batching { max_queue_delay_microseconds: 200000 }
            """,
        [SmallQueue] = """
            max_batch_size: 64
            dynamic_batching {
              max_queue_delay_microseconds: 1500000
              default_queue_policy { max_queue_size: 4 allow_timeout_override: true }
            }
            """,
        [Prioritised] = """
            max_batch_size: 8
            dynamic_batching { priority_levels: 2 default_priority_level: 2 }
            """,
    };

    private readonly TempRepository _repository = new();

    internal TestServer Server { get; private set; } = null!;

    /// <summary>The name of the copy of <paramref name="kind"/> that one test uses over one transport.</summary>
    public static string Model(string kind, Transport transport, string test) => $"{kind}_{test}_{transport}".ToLowerInvariant();

    public static IEnumerable<string> Tests { get; } = ["answers", "stats", "full", "timeout", "cancel", "burst", "priority"];

    public async Task InitializeAsync()
    {
        foreach (var (kind, config) in Configs)
        {
            foreach (var transport in Enum.GetValues<Transport>())
            {
                foreach (var test in Tests)
                {
                    var name = Model(kind, transport, test);
                    _repository.WriteModel(name, 1, TestModels.Scale(2)).WriteFile($"{name}/config.pbtxt", $"name: \"{name}\"\n{config}");
                }
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
