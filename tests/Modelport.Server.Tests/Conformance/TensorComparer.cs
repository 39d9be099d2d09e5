using System.Buffers.Binary;
using System.Globalization;
using Modelport.Onnx;
using OnnxType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Server.Tests.Conformance;

/// <summary>
/// Compares an output with its reference the way onnx's backend test runner does: floating-point elements with
/// numpy's assert_allclose (NaN equals NaN, an infinity only the same infinity), every other type exactly.
/// </summary>
internal static class TensorComparer
{
    // onnx/backend/test/runner's defaults, also the rtol and atol each data.json of the "real" suite names.
    private const double RelativeTolerance = 1e-3;
    private const double AbsoluteTolerance = 1e-7;

    /// <summary>Null when they match; else the first difference, naming the element.</summary>
    public static string? Difference(OnnxRawTensor expected, OnnxRawTensor actual)
    {
        if (actual.ElementType != expected.ElementType)
        {
            return $"element type {actual.ElementType} where {expected.ElementType} was expected";
        }

        if (!actual.Dims.SequenceEqual(expected.Dims))
        {
            return $"shape [{string.Join(", ", actual.Dims)}] where [{string.Join(", ", expected.Dims)}] was expected";
        }

        var width = expected.ElementType switch
        {
            OnnxType.Float => 4,
            OnnxType.Double => 8,
            OnnxType.Float16 or OnnxType.Bfloat16 => 2,
            _ => 0,
        };
        return width == 0 ? ExactDifference(expected, actual) : CloseDifference(expected, actual, width);
    }

    private static string? ExactDifference(OnnxRawTensor expected, OnnxRawTensor actual)
    {
        var offset = expected.Data.Span.CommonPrefixLength(actual.Data.Span);
        return offset == expected.Data.Length && offset == actual.Data.Length
            ? null
            : $"{expected.ElementType} data differs from byte {offset} on ({actual.Data.Length} bytes where {expected.Data.Length} were expected)";
    }

    private static string? CloseDifference(OnnxRawTensor expected, OnnxRawTensor actual, int width)
    {
        if (actual.Data.Length != expected.Data.Length)
        {
            return $"{actual.Data.Length} bytes where {expected.Data.Length} were expected";
        }

        for (var index = 0; index < expected.Data.Length / width; index++)
        {
            var want = Element(expected, index, width);
            var got = Element(actual, index, width);
            if (!IsClose(want, got))
            {
                return string.Create(CultureInfo.InvariantCulture, $"element {index} is {got:R} where {want:R} was expected (rtol {RelativeTolerance}, atol {AbsoluteTolerance})");
            }
        }

        return null;
    }

    private static bool IsClose(double expected, double actual) =>
        double.IsNaN(expected) ? double.IsNaN(actual)
        : double.IsInfinity(expected) ? expected == actual
        : Math.Abs(actual - expected) <= AbsoluteTolerance + (RelativeTolerance * Math.Abs(expected));

    private static double Element(OnnxRawTensor tensor, int index, int width)
    {
        var bytes = tensor.Data.Span.Slice(index * width, width);
        return tensor.ElementType switch
        {
            OnnxType.Float => BinaryPrimitives.ReadSingleLittleEndian(bytes),
            OnnxType.Double => BinaryPrimitives.ReadDoubleLittleEndian(bytes),
            OnnxType.Float16 => (double)BinaryPrimitives.ReadHalfLittleEndian(bytes),
            // A bfloat16 is the upper half of a float32.
            _ => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(bytes) << 16),
        };
    }
}
