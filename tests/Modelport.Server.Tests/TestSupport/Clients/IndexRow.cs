namespace Modelport.Server.Tests.TestSupport.Clients;

internal sealed record IndexRow(string Name, string? Version, string State, string Reason);
