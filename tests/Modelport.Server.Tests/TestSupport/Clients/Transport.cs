namespace Modelport.Server.Tests.TestSupport.Clients;

/// <summary>The protocols a behaviour is checked over: one test body, several transports.</summary>
public enum Transport
{
    Rest,
    Grpc,
}
