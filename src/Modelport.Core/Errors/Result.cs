namespace Modelport.Core.Errors;

/// <summary>A value or the <see cref="InferenceError"/> that prevented it.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, InferenceError? error)
    {
        _value = value;
        Error = error;
    }

    public InferenceError? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => Error is null ? _value! : throw new InvalidOperationException($"The result is an error: {Error}");

    /// <summary>Wraps a value; needed where T is an interface, which implicit conversions cannot cover.</summary>
    public static Result<T> Success(T value) => new(value, null);

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(InferenceError error) => new(default, error);
}
