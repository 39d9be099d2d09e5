namespace Modelport.Server.Tests.TestSupport.Clients;

/// <summary>An inference answer in transport-neutral terms; <see cref="Binary"/> tells whether the outputs came in the binary form.</summary>
internal sealed record InferReply(string ModelName, string ModelVersion, string? Id, IReadOnlyList<Tensor> Outputs, bool Binary)
{
    public Tensor Output(string name) => Outputs.Single(output => output.Name == name);
}
