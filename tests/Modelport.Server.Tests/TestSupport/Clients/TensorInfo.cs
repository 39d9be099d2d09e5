namespace Modelport.Server.Tests.TestSupport.Clients;

internal sealed record TensorInfo(string Name, string Datatype, IReadOnlyList<long> Shape);
