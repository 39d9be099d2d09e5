namespace Modelport.Cli.Perf;

/// <summary>A pre-built <c>ModelInferRequest</c> and the id to send it with on a stream.</summary>
internal sealed record StreamRequest(byte[] Prebuilt, long Id);
