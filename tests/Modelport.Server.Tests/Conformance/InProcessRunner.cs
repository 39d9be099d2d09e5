using System.Buffers;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Modelport.Core.Tensors;
using Modelport.Onnx;
using OnnxType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Server.Tests.Conformance;

/// <summary>Runs a case with ONNX Runtime directly, no server in between: what the server is held to.</summary>
internal static class InProcessRunner
{
    /// <summary>Null when every data set's outputs match their references; else what failed.</summary>
    public static string? Run(ConformanceCase conformanceCase)
    {
        var data = CaseData.Load(conformanceCase);
        if (data.NonTensorValues.Count > 0)
        {
            return $"not run: {string.Join("; ", data.NonTensorValues)}";
        }

        try
        {
            using var session = new InferenceSession(conformanceCase.ModelPath);
            foreach (var dataSet in data.DataSets)
            {
                if (Run(session, dataSet) is { } failure)
                {
                    return $"{Path.GetFileName(dataSet.Folder)}: {failure}";
                }
            }

            return null;
        }
        catch (OnnxRuntimeException exception)
        {
            return exception.Message;
        }
    }

    private static string? Run(InferenceSession session, ReferenceDataSet dataSet)
    {
        var inputs = new List<OrtValue>();
        try
        {
            inputs.AddRange(dataSet.Inputs.Select(input => ToOrtValue(input.Value)));
            using var runOptions = new RunOptions();
            using var outputs = session.Run(
                runOptions, [.. dataSet.Inputs.Select(input => input.Name)], inputs, [.. dataSet.Outputs.Select(output => output.Name)]);
            foreach (var (reference, value) in dataSet.Outputs.Zip(outputs))
            {
                var difference = value.IsTensor
                    ? TensorComparer.Difference(reference.Value, ToRaw(value))
                    : $"a {value.OnnxType} value, not a tensor";
                if (difference is not null)
                {
                    return $"output '{reference.Name}': {difference}";
                }
            }

            return null;
        }
        finally
        {
            inputs.ForEach(input => input.Dispose());
        }
    }

    private static OrtValue ToOrtValue(OnnxRawTensor tensor)
    {
        long[] shape = [.. tensor.Dims];
        if (tensor.ElementType == OnnxType.String)
        {
            var strings = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
            var index = 0;
            foreach (var element in BytesElements.Enumerate(tensor.Data))
            {
                strings.StringTensorSetElementAt(element.Span, index++);
            }

            return strings;
        }

        // ONNX Runtime numbers its element types as TensorProto does.
        var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, (TensorElementType)tensor.ElementType, shape);
        tensor.Data.Span.CopyTo(value.GetTensorMutableRawData());
        return value;
    }

    private static OnnxRawTensor ToRaw(OrtValue value)
    {
        var info = value.GetTensorTypeAndShape();
        var type = (OnnxType)info.ElementDataType;
        if (type != OnnxType.String)
        {
            return new OnnxRawTensor(type, info.Shape, value.GetTensorMutableRawData().ToArray());
        }

        var writer = new ArrayBufferWriter<byte>();
        for (var index = 0; index < info.ElementCount; index++)
        {
            BytesElements.Write(writer, value.GetStringElementAsSpan(index));
        }

        return new OnnxRawTensor(type, info.Shape, writer.WrittenMemory);
    }
}
