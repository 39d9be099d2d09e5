using System.Globalization;
using Modelport.Core.Backends;
using Modelport.Core.Configuration;

namespace Modelport.Backends.OnnxRuntime;

/// <summary>Typed reads of a config's <c>parameters</c> map; a value that does not parse fails the load, naming it.</summary>
internal static class ConfigParameters
{
    public static int? ReadInt(ModelConfig config, string modelName, string key, int minimum, int maximum = int.MaxValue)
    {
        if (!config.Parameters.TryGetValue(key, out var parameter))
        {
            return null;
        }

        var text = parameter.StringValue;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || value < minimum
            || value > maximum)
        {
            var range = maximum == int.MaxValue ? $"an integer >= {minimum}" : $"an integer from {minimum} to {maximum}";
            throw Invalid(modelName, key, text, range);
        }

        return value;
    }

    /// <summary>Reads a boolean the way Triton's backends do: true/yes/on/1 or false/no/off/0, in any case.</summary>
    public static bool? ReadBool(ModelConfig config, string modelName, string key)
    {
        if (!config.Parameters.TryGetValue(key, out var parameter))
        {
            return null;
        }

        var text = parameter.StringValue;
        return text.Trim().ToUpperInvariant() switch
        {
            "TRUE" or "YES" or "ON" or "1" => true,
            "FALSE" or "NO" or "OFF" or "0" => false,
            _ => throw Invalid(modelName, key, text, "true or false"),
        };
    }

    private static ModelLoadException Invalid(string modelName, string key, string value, string expected) =>
        new($"model '{modelName}': parameter '{key}' is '{value}'; expected {expected}");
}
