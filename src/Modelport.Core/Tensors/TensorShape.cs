namespace Modelport.Core.Tensors;

/// <summary>Shape arithmetic that never overflows: sizes a client declares are checked before anything is allocated.</summary>
public static class TensorShape
{
    /// <summary>The number of elements of <paramref name="shape"/>, or null when a dimension is negative or the product overflows.</summary>
    public static long? ElementCount(ReadOnlySpan<long> shape)
    {
        if (shape.ContainsAnyExceptInRange(0, long.MaxValue))
        {
            return null;
        }

        // An empty dimension makes the tensor empty however large the others are.
        if (shape.Contains(0))
        {
            return 0;
        }

        long count = 1;
        foreach (var dimension in shape)
        {
            try
            {
                count = checked(count * dimension);
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        return count;
    }

    /// <summary>The byte size of a fixed-size tensor, or null on overflow; not meaningful for <see cref="DataType.Bytes"/>.</summary>
    public static long? ByteSize(DataType type, ReadOnlySpan<long> shape)
    {
        var count = ElementCount(shape);
        if (count is null)
        {
            return null;
        }

        try
        {
            return checked(count.Value * type.ElementSize());
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public static string Format(ReadOnlySpan<long> shape) => "[" + string.Join(",", shape.ToArray()) + "]";
}
