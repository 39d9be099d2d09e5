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

public sealed class SequenceBatcherTests : IDisposable
{
    // The scripted instance echoes the first input into every output, so the state a step leaves is that step's input.
    private const string Config = """
        max_batch_size: 0
        sequence_batching {
          max_sequence_idle_microseconds: 1000000
          control_input [
            { name: "START" control [ { kind: CONTROL_SEQUENCE_START int32_false_true: [0, 1] } ] },
            { name: "END" control [ { kind: CONTROL_SEQUENCE_END fp32_false_true: [0, 1] } ] },
            { name: "READY" control [ { kind: CONTROL_SEQUENCE_READY bool_false_true: [false, true] } ] },
            { name: "CORRID" control [ { kind: CONTROL_SEQUENCE_CORRID data_type: TYPE_UINT64 } ] }
          ]
          state [ { input_name: "STATE" output_name: "STATE_OUT" data_type: TYPE_INT32 dims: [2] } ]
        }
        """;

    private readonly FakeTimeProvider _clock = new();
    private readonly ExecutionLog _log = new();
    private readonly ModelScheduler _scheduler;
    private readonly SequenceBatcher _sequences;

    public SequenceBatcherTests()
    {
        var config = ModelConfigText.Parse(Config);
        _scheduler = new ModelScheduler("m", SchedulingPolicy.From(config), [new ScriptedInstance(_log)], new ModelStatistics(_clock), _clock);
        _sequences = new SequenceBatcher("m", SequencePolicy.From(config)!, _scheduler, _clock);
    }

    [Fact]
    public async Task Each_step_gets_the_control_inputs_and_the_state_the_previous_step_left()
    {
        var first = await StepAsync(id: 42, start: true, end: false, value: 5);
        Assert.Equal(new[] { 1 }, Int32s(first, "START"));
        Assert.Equal(new[] { 0f }, MemoryMarshal.Cast<byte, float>(Input(first, "END").Data.Span).ToArray());
        Assert.Equal(new byte[] { 1 }, Input(first, "READY").Data.ToArray());
        Assert.Equal(new[] { 42UL }, MemoryMarshal.Cast<byte, ulong>(Input(first, "CORRID").Data.Span).ToArray());
        Assert.Equal(new[] { 0, 0 }, Int32s(first, "STATE"));

        var second = await StepAsync(id: 42, start: false, end: true, value: 6);
        Assert.Equal(new[] { 0 }, Int32s(second, "START"));
        Assert.Equal(new[] { 1f }, MemoryMarshal.Cast<byte, float>(Input(second, "END").Data.Span).ToArray());
        Assert.Equal(new[] { 5, 5 }, Int32s(second, "STATE"));
    }

    [Fact]
    public async Task The_client_gets_only_its_own_outputs()
    {
        var task = _sequences.ScheduleAsync(Inputs(3), 1, new SchedulingOptions(0, null, new SequenceStep(1, true, false)), CancellationToken.None).AsTask();
        (await _log.NextAsync()).Echo();

        var result = await task;

        Assert.Equal(["OUT"], result.Value.Tensors.Select(tensor => tensor.Name));
    }

    [Fact]
    public async Task A_request_without_a_sequence_is_refused()
    {
        var result = await _sequences.ScheduleAsync(Inputs(1), 1, new SchedulingOptions(0, null), CancellationToken.None);

        Assert.Equal(InferenceErrorKind.InvalidArgument, result.Error!.Kind);
    }

    [Fact]
    public async Task A_sequence_idle_past_max_sequence_idle_is_freed()
    {
        await StepAsync(id: 9, start: true, end: false, value: 1);
        Assert.Equal(1, _sequences.ActiveSequences);

        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(0, _sequences.ActiveSequences);
        var result = await _sequences.ScheduleAsync(Inputs(1), 1, new SchedulingOptions(0, null, new SequenceStep(9, false, false)), CancellationToken.None);
        Assert.Contains("is not active", result.Error!.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _sequences.Dispose();
        _scheduler.Dispose();
    }

    private async Task<ExecutionInputs> StepAsync(ulong id, bool start, bool end, int value)
    {
        var task = _sequences.ScheduleAsync(Inputs(value), 1, new SchedulingOptions(0, null, new SequenceStep(id, start, end)), CancellationToken.None).AsTask();
        var execution = await _log.NextAsync();

        // The state input is the sequence's own buffer, which the step's result overwrites: keep what the engine saw.
        var seen = execution.Inputs with { Tensors = [.. execution.Inputs.Tensors.Select(tensor => tensor with { Data = tensor.Data.ToArray() })] };
        execution.Echo();
        Assert.True((await task).IsSuccess);
        return seen;
    }

    private static ExecutionInputs Inputs(int value)
    {
        int[] data = [value, value];
        return new ExecutionInputs([new InferenceTensor("IN", DataType.Int32, [2], MemoryMarshal.AsBytes(data.AsSpan()).ToArray())], ["OUT"]);
    }

    private static InferenceTensor Input(ExecutionInputs inputs, string name) => inputs.Tensors.Single(tensor => tensor.Name == name);

    private static int[] Int32s(ExecutionInputs inputs, string name) => MemoryMarshal.Cast<byte, int>(Input(inputs, name).Data.Span).ToArray();
}
