using Modelport.Server.Tests.TestSupport;

namespace Modelport.Server.Tests.Scheduling;

/// <summary>A server with the real Silero VAD v5 model as a stateful model: the server carries its state between chunks.</summary>
public sealed class SileroServerFixture : IAsyncLifetime
{
    /// <summary>Sequences stay alive for a minute of idleness, however slow a busy machine makes the tests.</summary>
    public const string Model = "vad";

    /// <summary>The same model with sequences freed after <see cref="QuickIdle"/>, for the test of idle sequences.</summary>
    public const string QuickIdleModel = "vad_quick_idle";

    public static readonly TimeSpan QuickIdle = TimeSpan.FromMilliseconds(500);

    private readonly TempRepository _repository = new();

    internal TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        AddModel(Model, TimeSpan.FromMinutes(1));
        AddModel(QuickIdleModel, QuickIdle);
        Server = await TestServer.StartAsync(_repository.Path);
    }

    private void AddModel(string name, TimeSpan maxIdle)
    {
        Directory.CreateDirectory(Path.Combine(_repository.Path, name, "1"));
        File.Copy(PretrainedModels.SileroVad, Path.Combine(_repository.Path, name, "1", "model.onnx"));
        _repository.WriteFile($"{name}/config.pbtxt", $$"""
            name: "{{name}}"
            max_batch_size: 0
            sequence_batching {
              max_sequence_idle_microseconds: {{(long)maxIdle.TotalMicroseconds}}
              state [ { input_name: "state" output_name: "stateN" data_type: TYPE_FP32 dims: [2, 1, 128] } ]
            }
            """);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _repository.Dispose();
    }
}
