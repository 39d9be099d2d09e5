using System.Globalization;
using System.Text.RegularExpressions;
using Modelport.Core.Errors;
using Modelport.Core.Lifecycle;

namespace Modelport.Server.TfServing;

/// <summary>
/// TF Serving's version labels (<c>/labels/stable</c>), which Triton's config has no field for: the config parameter
/// <c>version_labels</c> holds comma-separated <c>label:version</c> pairs, e.g. <c>"stable:1,canary:2"</c>.
/// </summary>
internal static partial class VersionLabels
{
    public const string ParameterName = "version_labels";

    /// <summary>The version a label names, if that version is loaded and ready. The labels come from the latest ready version's config.</summary>
    public static Result<long> Resolve(ModelManager models, string model, string label)
    {
        var acquired = models.Acquire(model, null);
        if (acquired.Error is { } error)
        {
            return error;
        }

        string text;
        using (var lease = acquired.Value)
        {
            text = lease.Handle.Config.Parameters.TryGetValue(ParameterName, out var parameter) ? parameter.StringValue : string.Empty;
        }

        var labels = Parse(model, text);
        if (labels.Error is { } malformed)
        {
            return malformed;
        }

        if (!labels.Value.TryGetValue(label, out var version))
        {
            var known = labels.Value.Count == 0 ? "it has none" : "its labels are " + string.Join(", ", labels.Value.Keys);
            return InferenceError.InvalidArgument(
                $"model '{model}' has no version label '{label}' ({known}); labels come from the config parameter {ParameterName}, e.g. \"stable:1,canary:2\"");
        }

        var ready = models.ReadyVersions(model);
        if (!ready.Contains(version))
        {
            return InferenceError.NotFound(
                $"version label '{label}' of model '{model}' points at version {version}, which is not loaded and ready (ready versions: {string.Join(", ", ready)})");
        }

        return version;
    }

    /// <summary>Reads the parameter's value; a malformed one is the server's configuration error, so it is Internal, naming the parameter.</summary>
    public static Result<IReadOnlyDictionary<string, long>> Parse(string model, string text)
    {
        var labels = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var pair in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            var label = colon < 0 ? pair : pair[..colon].TrimEnd();
            var versionText = colon < 0 ? string.Empty : pair[(colon + 1)..].TrimStart();
            string? problem = null;
            if (!LabelSyntax().IsMatch(label))
            {
                problem = $"'{label}' is not a label (letters, digits, '_', '-' and '.')";
            }
            else if (!long.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                problem = $"label '{label}' has '{versionText}', which is not a version number";
            }
            else if (!labels.TryAdd(label, version))
            {
                problem = $"label '{label}' appears twice";
            }

            if (problem is not null)
            {
                return InferenceError.Internal(
                    $"model '{model}': config parameter {ParameterName} is \"{text}\"; {problem}. Expected comma-separated label:version pairs, e.g. \"stable:1,canary:2\"");
            }
        }

        return Result<IReadOnlyDictionary<string, long>>.Success(labels);
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex LabelSyntax();
}
