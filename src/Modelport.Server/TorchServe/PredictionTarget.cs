using Modelport.Core.Models;

namespace Modelport.Server.TorchServe;

/// <summary>
/// The model version a prediction runs on, fixed before its body is read, so the signature that types the body and
/// the version that runs it are the same.
/// </summary>
internal sealed record PredictionTarget(string Name, string Version, ModelSignature Signature);
