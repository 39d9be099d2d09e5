using Modelport.Core.Configuration;
using Modelport.Core.Errors;
using Modelport.Core.Lifecycle;

namespace Modelport.Server.Repository;

/// <summary>
/// A load request of Triton's repository extension, the same over REST and gRPC: the <c>config</c> parameter's
/// JSON replaces config.pbtxt. File overrides would let a client write model files onto the server, so they are refused.
/// </summary>
internal static class RepositoryLoad
{
    private const string ConfigParameter = "config";
    private const string FileOverridePrefix = "file:";

    /// <param name="parameters">Each load parameter's name, with its value when that value is a string (else null).</param>
    public static async Task<InferenceError?> LoadAsync(
        ModelManager models, string model, IEnumerable<(string Name, string? Text)> parameters, CancellationToken cancellationToken)
    {
        var configOverride = ReadConfigOverride(parameters);
        if (configOverride.Error is { } invalid)
        {
            return invalid;
        }

        return await models.LoadModelAsync(model, configOverride.Value, cancellationToken).ConfigureAwait(false);
    }

    private static Result<ModelConfig?> ReadConfigOverride(IEnumerable<(string Name, string? Text)> parameters)
    {
        ModelConfig? config = null;
        foreach (var (name, text) in parameters)
        {
            if (name.StartsWith(FileOverridePrefix, StringComparison.Ordinal))
            {
                return InferenceError.Unsupported($"load parameter '{name}': file overrides are not supported; place model files in the repository");
            }

            if (name != ConfigParameter)
            {
                continue;
            }

            if (text is null)
            {
                return InferenceError.InvalidArgument("load parameter 'config' must be a string holding the model config as JSON");
            }

            try
            {
                config = ModelConfigJson.Parse(text);
            }
            catch (ModelConfigParseException exception)
            {
                return InferenceError.InvalidArgument($"load parameter 'config' is not a valid model config: {exception.Message}");
            }
        }

        return config;
    }
}
