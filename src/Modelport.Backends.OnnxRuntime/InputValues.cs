using System.Buffers;
using Microsoft.ML.OnnxRuntime;
using Modelport.Core.Errors;
using Modelport.Core.Tensors;

namespace Modelport.Backends.OnnxRuntime;

/// <summary>
/// The OrtValues of one execution's inputs. Fixed-size tensors are not copied: their OrtValue points into the
/// request's memory, pinned until this is disposed. BYTES elements are copied into an ONNX string tensor.
/// </summary>
internal sealed class InputValues(int capacity) : IDisposable
{
    private readonly List<MemoryHandle> _pins = new(capacity);

    public List<string> Names { get; } = new(capacity);

    public List<OrtValue> Values { get; } = new(capacity);

    /// <summary>Adds a tensor; an error when its BYTES data does not hold the elements its shape says.</summary>
    public InferenceError? Add(InferenceTensor tensor, string modelName)
    {
        if (tensor.DataType == DataType.Bytes)
        {
            var error = AddStrings(tensor, modelName);
            if (error is not null)
            {
                return error;
            }
        }
        else
        {
            AddPinned(tensor);
        }

        Names.Add(tensor.Name);
        return null;
    }

    public void Dispose()
    {
        foreach (var value in Values)
        {
            value.Dispose();
        }

        foreach (var pin in _pins)
        {
            pin.Dispose();
        }
    }

    private unsafe void AddPinned(InferenceTensor tensor)
    {
        var pin = tensor.Data.Pin();
        _pins.Add(pin);
        Values.Add(OrtValue.CreateTensorValueWithData(
            OrtMemoryInfo.DefaultInstance, tensor.DataType.ToOnnx(), tensor.Shape, (IntPtr)pin.Pointer, tensor.Data.Length));
    }

    private InferenceError? AddStrings(InferenceTensor tensor, string modelName)
    {
        var count = BytesElements.Count(tensor.Data.Span);
        var expected = TensorShape.ElementCount(tensor.Shape);
        if (count is null || count != expected)
        {
            var found = count is null ? "malformed elements" : $"{count} elements";
            return InferenceError.InvalidArgument(
                $"model '{modelName}': input '{tensor.Name}': BYTES data holds {found} but shape {TensorShape.Format(tensor.Shape)} needs {expected}");
        }

        var value = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, tensor.Shape);
        Values.Add(value);
        var index = 0;
        foreach (var element in BytesElements.Enumerate(tensor.Data))
        {
            // ONNX strings are byte strings: the UTF-8 bytes go in as they are, no decoding round trip.
            value.StringTensorSetElementAt(element.Span, index++);
        }

        return null;
    }
}
