namespace Modelport.Client.Tensors;

internal static class TensorShape
{
    public static long[] Validate(string tensor, ReadOnlySpan<long> shape)
    {
        foreach (var dimension in shape)
        {
            if (dimension < 0)
            {
                throw new ArgumentException($"tensor '{tensor}' has shape {Format(shape)}; every dimension must be 0 or more", nameof(shape));
            }
        }

        return shape.ToArray();
    }

    public static long ElementCount(ReadOnlySpan<long> shape)
    {
        long count = 1;
        foreach (var dimension in shape)
        {
            count = checked(count * dimension);
        }

        return count;
    }

    public static string Format(ReadOnlySpan<long> shape) => $"[{string.Join(",", shape.ToArray())}]";
}
