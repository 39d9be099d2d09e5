using System.Globalization;
using Modelport.Core.Errors;
using Modelport.Core.Lifecycle;
using Modelport.Core.Models;

namespace Modelport.Server.Json;

/// <summary>
/// The model version a JSON body is read for (TF Serving's predict, TorchServe's predictions), fixed before the body
/// is read, so the signature that types the JSON values and the version that runs them are the same.
/// </summary>
internal sealed record ModelTarget(string Name, string Version, ModelSignature Signature)
{
    /// <summary>The model's input names, for error messages.</summary>
    public string InputNames => string.Join(", ", Signature.Inputs.Select(input => input.Name));

    /// <summary>Pins the version that will run the request and reads its signature; the hold is released at once.</summary>
    public static Result<ModelTarget> Pin(ModelManager models, string model, long? version)
    {
        var acquired = models.Acquire(model, version?.ToString(CultureInfo.InvariantCulture));
        if (acquired.Error is { } error)
        {
            return error;
        }

        using var lease = acquired.Value;
        var handle = lease.Handle;
        return new ModelTarget(handle.Name, handle.Version.ToString(CultureInfo.InvariantCulture), handle.Signature);
    }
}
