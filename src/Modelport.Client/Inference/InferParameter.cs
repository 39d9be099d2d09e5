using System.Globalization;

namespace Modelport.Client;

/// <summary>A v2 parameter value: a bool, a 64-bit integer, a double or a string.</summary>
public readonly struct InferParameter : IEquatable<InferParameter>
{
    private InferParameter(object value) => Value = value;

    /// <summary>The value: a <see cref="bool"/>, <see cref="long"/>, <see cref="double"/> or <see cref="string"/>; null only in <c>default(InferParameter)</c>.</summary>
    public object? Value { get; }

    /// <summary>A bool parameter.</summary>
    public static implicit operator InferParameter(bool value) => new(value);

    /// <summary>An integer parameter.</summary>
    public static implicit operator InferParameter(long value) => new(value);

    /// <summary>A floating-point parameter.</summary>
    public static implicit operator InferParameter(double value) => new(value);

    /// <summary>A string parameter.</summary>
    public static implicit operator InferParameter(string value) => new(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Whether two parameters hold equal values of the same type.</summary>
    public static bool operator ==(InferParameter left, InferParameter right) => left.Equals(right);

    /// <summary>Whether two parameters differ.</summary>
    public static bool operator !=(InferParameter left, InferParameter right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(InferParameter other) => Equals(Value, other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is InferParameter other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value?.GetHashCode() ?? 0;

    /// <inheritdoc/>
    public override string ToString() => Convert.ToString(Value, CultureInfo.InvariantCulture) ?? string.Empty;
}
