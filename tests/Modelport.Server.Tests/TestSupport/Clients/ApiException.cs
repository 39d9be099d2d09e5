namespace Modelport.Server.Tests.TestSupport.Clients;

/// <summary>A call the server refused, with its transport-neutral code and the server's message.</summary>
internal sealed class ApiException(ApiError code, string message) : Exception(message)
{
    public ApiError Code { get; } = code;
}
