namespace Modelport.Core.Tensors;

/// <summary>Resolves a target shape that may hold one -1 against the element count of the data.</summary>
internal static class Reshape
{
    public static long[]? Resolve(ReadOnlySpan<long> target, long elementCount)
    {
        var resolved = target.ToArray();
        var unknown = Array.IndexOf(resolved, -1L);
        if (unknown < 0)
        {
            return TensorShape.ElementCount(resolved) == elementCount ? resolved : null;
        }

        resolved[unknown] = 1;
        var known = TensorShape.ElementCount(resolved);
        if (known is null || known == 0 || elementCount % known != 0 || Array.IndexOf(resolved, -1L) >= 0)
        {
            return null;
        }

        resolved[unknown] = elementCount / known.Value;
        return resolved;
    }
}
