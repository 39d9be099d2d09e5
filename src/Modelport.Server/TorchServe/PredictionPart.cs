namespace Modelport.Server.TorchServe;

/// <summary>One part of a prediction request's body; <see cref="Name"/> is its form field name ("body" for a raw body).</summary>
internal sealed record PredictionPart(string Name, ReadOnlyMemory<byte> Content);
