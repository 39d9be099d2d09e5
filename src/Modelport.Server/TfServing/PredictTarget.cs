using Modelport.Core.Models;

namespace Modelport.Server.TfServing;

/// <summary>
/// The model version a predict request runs on, fixed before its body is read, so the signature that types the JSON
/// values and the version that runs them are the same.
/// </summary>
internal sealed record PredictTarget(string Name, string Version, ModelSignature Signature);
