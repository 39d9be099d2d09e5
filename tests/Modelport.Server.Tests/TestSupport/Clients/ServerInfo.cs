namespace Modelport.Server.Tests.TestSupport.Clients;

internal sealed record ServerInfo(string Name, string Version, IReadOnlyList<string> Extensions);
