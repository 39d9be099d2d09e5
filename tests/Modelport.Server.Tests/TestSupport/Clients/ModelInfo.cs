namespace Modelport.Server.Tests.TestSupport.Clients;

/// <summary>Model metadata in transport-neutral terms.</summary>
internal sealed record ModelInfo(string Name, IReadOnlyList<string> Versions, string Platform, IReadOnlyList<TensorInfo> Inputs, IReadOnlyList<TensorInfo> Outputs);
