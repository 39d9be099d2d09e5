using System.Buffers;
using Microsoft.ML.OnnxRuntime;
using Modelport.Core.Backends;
using Modelport.Core.Errors;
using Modelport.Core.Tensors;

namespace Modelport.Backends.OnnxRuntime;

/// <summary>
/// Turns the OrtValues a run produced into output tensors. Fixed-size data is not copied: the tensors point into the
/// OrtValues' native memory, which <see cref="ExecutionOutputs.MemoryOwner"/> (the run's value collection) releases.
/// ONNX strings are copied into the BYTES layout.
/// </summary>
internal static class OutputTensors
{
    public static Result<ExecutionOutputs> Create(
        IDisposableReadOnlyCollection<OrtValue> values, IReadOnlyList<string> names, string modelName)
    {
        var handedOver = false;
        try
        {
            var tensors = new InferenceTensor[names.Count];
            var index = 0;
            foreach (var value in values)
            {
                var name = names[index];
                if (!value.IsTensor)
                {
                    return InferenceError.Internal($"model '{modelName}': output '{name}' is not a tensor");
                }

                var info = value.GetTensorTypeAndShape();
                if (!ElementTypes.TryFromOnnx(info.ElementDataType, out var type))
                {
                    return InferenceError.Internal($"model '{modelName}': output '{name}' has element type {info.ElementDataType}, which has no v2 data type");
                }

                ReadOnlyMemory<byte> data;
                if (type == DataType.Bytes)
                {
                    data = EncodeStrings(value, info.ElementCount);
                }
                else if (value.GetTensorSizeInBytes() is var size and > int.MaxValue)
                {
                    return InferenceError.Unsupported($"model '{modelName}': output '{name}' is {size} bytes, more than one tensor buffer holds");
                }
                else
                {
                    data = View(value);
                }

                tensors[index++] = new InferenceTensor(name, type, info.Shape, data);
            }

            handedOver = true;
            return new ExecutionOutputs(tensors, values);
        }
        finally
        {
            if (!handedOver)
            {
                values.Dispose();
            }
        }
    }

    private static unsafe ReadOnlyMemory<byte> View(OrtValue value)
    {
        var span = value.GetTensorMutableRawData();
        if (span.IsEmpty)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        fixed (byte* pointer = span)
        {
            return new NativeMemory((IntPtr)pointer, span.Length).Memory;
        }
    }

    private static byte[] EncodeStrings(OrtValue value, long count)
    {
        var writer = new ArrayBufferWriter<byte>();
        for (var i = 0; i < count; i++)
        {
            BytesElements.Write(writer, value.GetStringElementAsSpan(i));
        }

        return writer.WrittenSpan.ToArray();
    }
}
