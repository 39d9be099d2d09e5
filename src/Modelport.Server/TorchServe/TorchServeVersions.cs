using System.Globalization;
using Modelport.Core.Errors;

namespace Modelport.Server.TorchServe;

/// <summary>
/// Model versions in TorchServe paths. TorchServe's are strings such as "1.0"; Modelport's are the numbers of the
/// version folders, so "2" and "2.0" both name folder 2, and other spellings are refused.
/// </summary>
internal static class TorchServeVersions
{
    /// <summary>The version number a path segment names; null (no segment) leaves the choice to the model manager.</summary>
    public static Result<long?> Parse(string model, string? text)
    {
        if (text is null)
        {
            return (long?)null;
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? string.Empty : text[(point + 1)..];
        return fraction.All(digit => digit == '0')
            && long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? version
            : InferenceError.InvalidArgument(
                $"model version '{text}' of model '{model}' is not a version number; Modelport's versions are its version folders (1, 2, ... or 1.0, 2.0, ...)");
    }

    public static string? Format(long? version) => version?.ToString(CultureInfo.InvariantCulture);
}
