using Modelport.Core.Backends;
using Modelport.Core.Errors;
using Modelport.Core.Tensors;

namespace Modelport.Core.Scheduling;

/// <summary>
/// Triton's sequence batcher for stateful models. Each request is one step of a sequence named by its correlation id;
/// the batcher adds the control inputs (START, END, READY, CORRID), feeds each implicit state from the previous step's
/// output, and runs the steps of one sequence strictly one after another. The steps of different sequences go through
/// the model's scheduler, so they batch with each other. Sequences idle longer than max_sequence_idle are freed.
/// </summary>
internal sealed class SequenceBatcher : IDisposable
{
    private readonly object _gate = new();
    private readonly string _modelName;
    private readonly SequencePolicy _policy;
    private readonly ModelScheduler _scheduler;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<ulong, Sequence> _sequences = [];
    private readonly ITimer _idleSweep;

    public SequenceBatcher(string modelName, SequencePolicy policy, ModelScheduler scheduler, TimeProvider timeProvider)
    {
        _modelName = modelName;
        _policy = policy;
        _scheduler = scheduler;
        _timeProvider = timeProvider;
        _idleSweep = timeProvider.CreateTimer(static state => ((SequenceBatcher)state!).FreeIdle(), this, policy.MaxIdle, policy.MaxIdle);
    }

    public int ActiveSequences
    {
        get
        {
            lock (_gate)
            {
                return _sequences.Count;
            }
        }
    }

    public async ValueTask<Result<ExecutionOutputs>> ScheduleAsync(
        ExecutionInputs inputs, long batchSize, SchedulingOptions options, CancellationToken cancellationToken)
    {
        if (options.Sequence is not { } step)
        {
            return InferenceError.InvalidArgument(
                $"model '{_modelName}' is stateful: each request needs the parameter 'sequence_id' (and 'sequence_start' on the first request of a sequence)");
        }

        if (batchSize != 1)
        {
            return InferenceError.InvalidArgument($"a request to stateful model '{_modelName}' carries one step of one sequence; its batch size is {batchSize}, not 1");
        }

        var found = Find(step);
        if (found.Error is { } unknown)
        {
            return unknown;
        }

        var sequence = found.Value;
        try
        {
            await sequence.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return InferenceError.Cancelled($"model '{_modelName}': the request was cancelled while it waited for the previous step of sequence {step.Id}");
        }

        try
        {
            var executed = await _scheduler.ScheduleAsync(WithServerInputs(inputs, sequence, step), batchSize, options, cancellationToken).ConfigureAwait(false);
            if (executed.Error is { } failed)
            {
                return failed;
            }

            return KeepStates(inputs.OutputNames.Count, executed.Value, sequence);
        }
        finally
        {
            lock (_gate)
            {
                sequence.LastUsed = _timeProvider.GetTimestamp();
                if (step.End && _sequences.GetValueOrDefault(step.Id) == sequence)
                {
                    _sequences.Remove(step.Id);
                }
            }

            sequence.Turn.Release();
        }
    }

    public void Dispose() => _idleSweep.Dispose();

    /// <summary>The sequence a step belongs to: a new one (with initial state) on START, else the live one.</summary>
    private Result<Sequence> Find(SequenceStep step)
    {
        lock (_gate)
        {
            if (step.Start)
            {
                var started = new Sequence(_policy.States, _timeProvider.GetTimestamp());
                _sequences[step.Id] = started;
                return started;
            }

            if (_sequences.TryGetValue(step.Id, out var sequence))
            {
                return sequence;
            }
        }

        return InferenceError.InvalidArgument(
            $"sequence {step.Id} of model '{_modelName}' is not active: start it with 'sequence_start' (a sequence idle for {_policy.MaxIdle.TotalMilliseconds:0.###} ms is freed)");
    }

    private ExecutionInputs WithServerInputs(ExecutionInputs inputs, Sequence sequence, SequenceStep step)
    {
        var tensors = new List<InferenceTensor>(inputs.Tensors);
        long[] controlShape = _policy.Batches ? [1, 1] : [1];
        foreach (var control in _policy.Controls)
        {
            tensors.Add(new InferenceTensor(control.InputName, control.DataType, controlShape, control.ValueFor(step.Start, step.End, step.Id)));
        }

        foreach (var state in _policy.States)
        {
            tensors.Add(new InferenceTensor(state.InputName, state.DataType, state.Dims, sequence.States[state.InputName]));
        }

        var outputs = new List<string>(inputs.OutputNames);
        outputs.AddRange(_policy.States.Select(state => state.OutputName));
        return new ExecutionInputs(tensors, outputs);
    }

    /// <summary>Copies the new states into the sequence (the engine's memory is released with the response) and returns the client's outputs.</summary>
    private Result<ExecutionOutputs> KeepStates(int clientOutputs, ExecutionOutputs outputs, Sequence sequence)
    {
        for (var index = 0; index < _policy.States.Count; index++)
        {
            var state = _policy.States[index];
            var produced = outputs.Tensors[clientOutputs + index];
            if (produced.Data.Length != state.ByteSize)
            {
                outputs.MemoryOwner?.Dispose();
                return InferenceError.Internal(
                    $"model '{_modelName}': state output '{state.OutputName}' has shape {TensorShape.Format(produced.Shape)}, but sequence_batching.state declares {TensorShape.Format(state.Dims)}");
            }

            produced.Data.CopyTo(sequence.States[state.InputName]);
        }

        return outputs with { Tensors = [.. outputs.Tensors.Take(clientOutputs)] };
    }

    private void FreeIdle()
    {
        var now = _timeProvider.GetTimestamp();
        lock (_gate)
        {
            foreach (var (id, sequence) in _sequences.ToList())
            {
                if (sequence.Turn.CurrentCount == 1 && _timeProvider.GetElapsedTime(sequence.LastUsed, now) >= _policy.MaxIdle)
                {
                    _sequences.Remove(id);
                }
            }
        }
    }

    /// <summary>One live sequence: its states and the turn that lets one step run at a time.</summary>
    private sealed class Sequence
    {
        public Sequence(IReadOnlyList<SequenceState> states, long now)
        {
            // Triton's initial state without initial_state: zeros.
            States = states.ToDictionary(state => state.InputName, state => new byte[state.ByteSize]);
            LastUsed = now;
        }

        public Dictionary<string, byte[]> States { get; }

        public SemaphoreSlim Turn { get; } = new(1, 1);

        public long LastUsed { get; set; }
    }
}
