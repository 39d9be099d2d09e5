namespace Modelport.Client.Tests.TestSupport;

/// <summary>Requests for the models of <see cref="TestModels"/>, built with the client's own types.</summary>
internal static class ClientRequests
{
    /// <summary>The input [1, 2, 3, 4] for <see cref="TestModels.Scale"/>.</summary>
    public static InferRequest Scale() => new(InferInput.Create("X", new[] { 1f, 2f, 3f, 4f }, 1, 4));
}
