using Microsoft.ML.OnnxRuntime;
using Modelport.Core.Errors;

namespace Modelport.Backends.OnnxRuntime;

/// <summary>Turns a failed ONNX Runtime call during an execution into an error value.</summary>
internal static class OrtErrors
{
    // The C# API keeps ORT's status code only as this prefix of the message (its ErrorCode enum is internal).
    private const string InvalidArgumentPrefix = "[ErrorCode:InvalidArgument]";

    public static InferenceError ToInferenceError(string modelName, OnnxRuntimeException exception)
    {
        var message = $"model '{modelName}': {exception.Message}";
        return exception.Message.StartsWith(InvalidArgumentPrefix, StringComparison.Ordinal)
            ? InferenceError.InvalidArgument(message)
            : InferenceError.Internal(message);
    }
}
