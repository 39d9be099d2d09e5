using System.Buffers.Binary;
using Modelport.Core.Backends;
using Modelport.Core.Configuration;
using Modelport.Core.Models;
using Modelport.Core.Tensors;
using DataType = Modelport.Core.Tensors.DataType;
using Kind = Modelport.Core.Configuration.ModelSequenceBatching.Types.Control.Types.Kind;

namespace Modelport.Core.Scheduling;

/// <summary>
/// What the sequence batcher of a stateful model adds to each request (Triton's <c>sequence_batching</c>): control
/// inputs that tell the model where a sequence starts and ends, and implicit state carried from one step to the next.
/// </summary>
internal sealed record SequencePolicy
{
    // Triton's default max_sequence_idle_microseconds: a sequence idle for 1 s is freed.
    private static readonly TimeSpan DefaultMaxIdle = TimeSpan.FromSeconds(1);

    public required TimeSpan MaxIdle { get; init; }

    /// <summary>Whether the model has a batch dimension, which the control and state tensors then carry too.</summary>
    public required bool Batches { get; init; }

    public required IReadOnlyList<SequenceControl> Controls { get; init; }

    public required IReadOnlyList<SequenceState> States { get; init; }

    /// <summary>Null when the config has no <c>sequence_batching</c>; throws <see cref="ModelLoadException"/> naming a bad field.</summary>
    public static SequencePolicy? From(ModelConfig config)
    {
        var sequences = config.SequenceBatching;
        if (sequences is null)
        {
            return null;
        }

        var controls = new List<SequenceControl>();
        foreach (var input in sequences.ControlInput)
        {
            foreach (var control in input.Control)
            {
                controls.Add(SequenceControl.From(input.Name, control));
            }
        }

        var states = sequences.State.Select(state => SequenceState.From(state, config.MaxBatchSize > 0)).ToList();
        return new SequencePolicy
        {
            Batches = config.MaxBatchSize > 0,
            MaxIdle = sequences.MaxSequenceIdleMicroseconds == 0 ? DefaultMaxIdle : QueuePolicy.Microseconds(sequences.MaxSequenceIdleMicroseconds),
            Controls = controls,
            States = states,
        };
    }
}

/// <summary>One control input: the tensor the server sets for START, END, READY or CORRID.</summary>
internal sealed record SequenceControl(string InputName, Kind Kind, DataType DataType, byte[] False, byte[] True)
{
    public static SequenceControl From(string inputName, ModelSequenceBatching.Types.Control control)
    {
        var subject = $"sequence_batching.control_input '{inputName}'";
        if (control.Kind == Kind.ControlSequenceCorrid)
        {
            var type = ConfigDataTypes.ToTensorType(control.DataType);
            if (type is not (DataType.Int32 or DataType.Int64 or DataType.UInt32 or DataType.UInt64))
            {
                throw new ModelLoadException($"{subject}: CORRID data_type {control.DataType} must be TYPE_INT32, TYPE_INT64, TYPE_UINT32 or TYPE_UINT64");
            }

            return new SequenceControl(inputName, control.Kind, type.Value, [], []);
        }

        if (control.Int32FalseTrue.Count == 2)
        {
            return new SequenceControl(inputName, control.Kind, DataType.Int32, Int32(control.Int32FalseTrue[0]), Int32(control.Int32FalseTrue[1]));
        }

        if (control.Fp32FalseTrue.Count == 2)
        {
            return new SequenceControl(inputName, control.Kind, DataType.Fp32, Fp32(control.Fp32FalseTrue[0]), Fp32(control.Fp32FalseTrue[1]));
        }

        if (control.BoolFalseTrue.Count == 2)
        {
            return new SequenceControl(
                inputName, control.Kind, DataType.Bool, [control.BoolFalseTrue[0] ? (byte)1 : (byte)0], [control.BoolFalseTrue[1] ? (byte)1 : (byte)0]);
        }

        throw new ModelLoadException($"{subject}: {control.Kind} needs exactly two values in int32_false_true, fp32_false_true or bool_false_true");
    }

    /// <summary>The control's value for one step of a sequence.</summary>
    public byte[] ValueFor(bool start, bool end, ulong correlationId) => Kind switch
    {
        Kind.ControlSequenceStart => start ? True : False,
        Kind.ControlSequenceEnd => end ? True : False,
        Kind.ControlSequenceReady => True,
        _ => CorrelationValue(correlationId),
    };

    private byte[] CorrelationValue(ulong id)
    {
        var bytes = new byte[DataType.ElementSize()];
        if (bytes.Length == sizeof(uint))
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, unchecked((uint)id));
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, id);
        }

        return bytes;
    }

    private static byte[] Int32(int value)
    {
        var bytes = new byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] Fp32(float value)
    {
        var bytes = new byte[sizeof(float)];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        return bytes;
    }
}

/// <summary>One implicit state: the output of a step that the server feeds back as an input of the next step.</summary>
internal sealed record SequenceState(string InputName, string OutputName, DataType DataType, long[] Dims, int ByteSize)
{
    public static SequenceState From(ModelSequenceBatching.Types.State state, bool batches)
    {
        var subject = $"sequence_batching.state '{state.InputName}'";
        var type = ConfigDataTypes.ToTensorType(state.DataType);
        if (type is null or DataType.Bytes)
        {
            throw new ModelLoadException($"{subject}: data_type {state.DataType} is not supported for state; use a fixed-size numeric type");
        }

        if (state.InputName.Length == 0 || state.OutputName.Length == 0)
        {
            throw new ModelLoadException($"{subject}: a state needs both input_name and output_name");
        }

        long[] dims = [.. state.Dims];
        var elements = TensorShape.ElementCount(dims);
        if (dims.Length == 0 || dims.Any(dim => dim < 1) || elements is null || elements * type.Value.ElementSize() > MaxStateBytes)
        {
            throw new ModelLoadException(
                $"{subject}: dims {TensorShape.Format(dims)} must be fixed, positive and hold at most {MaxStateBytes} bytes");
        }

        // A batching model's state has the batch dimension in front; one sequence contributes one row.
        long[] shape = batches ? [1, .. dims] : dims;
        return new SequenceState(state.InputName, state.OutputName, type.Value, shape, (int)(elements * type.Value.ElementSize()));
    }

    /// <summary>A state is kept per live sequence; the bound keeps many sequences from exhausting memory.</summary>
    private const long MaxStateBytes = 16 * 1024 * 1024;
}
