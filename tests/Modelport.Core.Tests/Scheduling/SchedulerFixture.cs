using System.Runtime.InteropServices;
using Microsoft.Extensions.Time.Testing;
using Modelport.Core.Backends;
using Modelport.Core.Configuration;
using Modelport.Core.Errors;
using Modelport.Core.Scheduling;
using Modelport.Core.Statistics;
using Modelport.Core.Tensors;
using DataType = Modelport.Core.Tensors.DataType;

namespace Modelport.Core.Tests.Scheduling;

/// <summary>A scheduler over scripted instances and a fake clock, built from a config in pbtxt.</summary>
internal sealed class SchedulerFixture : IDisposable
{
    public SchedulerFixture(string config, int instances = 1)
    {
        var modelConfig = ModelConfigText.Parse(config);
        Instances = [.. Enumerable.Range(0, instances).Select(_ => new ScriptedInstance(Log))];
        Statistics = new ModelStatistics(Clock);
        Scheduler = new ModelScheduler("m", SchedulingPolicy.From(modelConfig), Instances, Statistics, Clock);
    }

    public FakeTimeProvider Clock { get; } = new();

    public ExecutionLog Log { get; } = new();

    public List<ScriptedInstance> Instances { get; }

    public ModelStatistics Statistics { get; }

    public ModelScheduler Scheduler { get; }

    /// <summary>Schedules a request of <paramref name="rows"/> rows of <paramref name="width"/> INT32 elements, each equal to <paramref name="value"/>.</summary>
    public Task<Result<ExecutionOutputs>> Send(
        int value, long rows = 1, int width = 2, ulong priority = 0, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var data = new int[rows * width];
        Array.Fill(data, value);
        var tensor = new InferenceTensor("IN", DataType.Int32, [rows, width], MemoryMarshal.AsBytes(data.AsSpan()).ToArray());
        var inputs = new ExecutionInputs([tensor], ["OUT"]);
        return Scheduler.ScheduleAsync(inputs, rows, new SchedulingOptions(priority, timeout), cancellationToken).AsTask();
    }

    public static int[] Values(Result<ExecutionOutputs> result) => MemoryMarshal.Cast<byte, int>(result.Value.Tensors[0].Data.Span).ToArray();

    public void Dispose() => Scheduler.Dispose();
}
