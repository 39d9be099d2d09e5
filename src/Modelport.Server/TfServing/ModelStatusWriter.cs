using System.Globalization;
using System.Text.Json;
using Modelport.Core.Errors;
using Modelport.Core.Lifecycle;

namespace Modelport.Server.TfServing;

/// <summary>
/// TF Serving's <c>GetModelStatusResponse</c> as JSON: <c>model_version_status</c>, newest version first, each with
/// its state and a <c>status</c> of <c>error_code</c> and <c>error_message</c>.
/// </summary>
internal static class ModelStatusWriter
{
    /// <summary>The repository index rows of one model's versions (of one version when given), newest first.</summary>
    public static Result<IReadOnlyList<ModelVersionStatus>> Find(ModelManager models, string model, long? version)
    {
        var rows = models.GetIndex().Where(row => row.Name == model).ToList();
        if (rows.Count == 0)
        {
            return InferenceError.NotFound($"unknown model '{model}'");
        }

        var versions = rows.Where(row => row.Version.Length > 0 && (version is null || Number(row) == version)).OrderByDescending(Number).ToList();
        if (versions.Count == 0)
        {
            // A model that failed before any version was known, or was never loaded, has one row without a version.
            var reason = rows[0].Reason.Length > 0 ? ": " + rows[0].Reason : string.Empty;
            return InferenceError.NotFound(version is { } number
                ? $"unknown version {number} of model '{model}'"
                : $"model '{model}' has no versions{reason}");
        }

        return Result<IReadOnlyList<ModelVersionStatus>>.Success(versions);
    }

    public static void Write(Utf8JsonWriter writer, IReadOnlyList<ModelVersionStatus> versions)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("model_version_status");
        foreach (var row in versions)
        {
            writer.WriteStartObject();
            writer.WriteString("version", row.Version);
            writer.WriteString("state", State(row.State));

            // TF Serving reports a failed load as END with the error; a served version is AVAILABLE with OK.
            writer.WriteStartObject("status");
            writer.WriteString("error_code", row.State == ModelState.Ready || row.Reason.Length == 0 ? "OK" : "UNKNOWN");
            writer.WriteString("error_message", row.Reason);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>TF Serving's ModelVersionStatus.State names; a version Modelport cannot serve has reached END.</summary>
    private static string State(ModelState state) => state switch
    {
        ModelState.Loading => "LOADING",
        ModelState.Ready => "AVAILABLE",
        ModelState.Unloading => "UNLOADING",
        _ => "END",
    };

    private static long Number(ModelVersionStatus row) => long.Parse(row.Version, CultureInfo.InvariantCulture);
}
