namespace Modelport.Core.Errors;

/// <summary>An expected failure, returned as a value: its message names the model, input, field and value at fault.</summary>
public sealed record InferenceError(InferenceErrorKind Kind, string Message)
{
    public static InferenceError InvalidArgument(string message) => new(InferenceErrorKind.InvalidArgument, message);

    public static InferenceError NotFound(string message) => new(InferenceErrorKind.NotFound, message);

    public static InferenceError AlreadyExists(string message) => new(InferenceErrorKind.AlreadyExists, message);

    public static InferenceError NotReady(string message) => new(InferenceErrorKind.NotReady, message);

    public static InferenceError Unavailable(string message) => new(InferenceErrorKind.Unavailable, message);

    public static InferenceError Unsupported(string message) => new(InferenceErrorKind.Unsupported, message);

    public static InferenceError Internal(string message) => new(InferenceErrorKind.Internal, message);

    public static InferenceError Cancelled(string message) => new(InferenceErrorKind.Cancelled, message);

    public override string ToString() => $"{Kind}: {Message}";
}
