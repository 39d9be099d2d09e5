namespace Modelport.Server.Tests.Conformance;

internal sealed record KnownFailure(FailureCategory Category, string Reason);
