using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Modelport.Server.TfServing;

/// <summary>
/// A TF Serving REST path taken apart: the model, at most one of a version or a version label, and the verb. The
/// patterns are TF Serving's own (http_rest_api_util.cc), case-insensitive; a model name or label holds no '/' or ':'.
/// </summary>
internal sealed partial record TfServingRoute(string Model, string? Version, string? Label, TfServingVerb Verb)
{
    /// <summary>Null when the path is not one of TF Serving's for that method (TF Serving answers "Malformed request").</summary>
    public static TfServingRoute? Parse(string method, string path)
    {
        var match = HttpMethods.IsPost(method) ? PostPath().Match(path) : HttpMethods.IsGet(method) ? GetPath().Match(path) : Match.Empty;
        if (!match.Success)
        {
            return null;
        }

        var verb = match.Groups["verb"].Value.ToLowerInvariant() switch
        {
            "predict" => TfServingVerb.Predict,
            "classify" => TfServingVerb.Classify,
            "regress" => TfServingVerb.Regress,
            "" when match.Groups["metadata"].Success => TfServingVerb.Metadata,
            _ => TfServingVerb.Status,
        };
        return new TfServingRoute(match.Groups["model"].Value, Optional(match.Groups["version"]), Optional(match.Groups["label"]), verb);
    }

    private static string? Optional(Group group) => group.Success ? group.Value : null;

    [GeneratedRegex(
        "^/v1/models/(?<model>[^/:]+)(?:/versions/(?<version>[0-9]+)|/labels/(?<label>[^/:]+))?:(?<verb>classify|regress|predict)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostPath();

    // The model is optional here so that GET /v1/models can answer TF Serving's "Missing model name" error.
    [GeneratedRegex(
        "^/v1/models(?:/(?<model>[^/:]+))?(?:/versions/(?<version>[0-9]+)|/labels/(?<label>[^/:]+))?(?:/(?<metadata>metadata))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GetPath();
}
