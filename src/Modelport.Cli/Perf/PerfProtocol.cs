namespace Modelport.Cli.Perf;

/// <summary>How requests travel: <c>-i http|grpc</c>.</summary>
internal enum PerfProtocol
{
    Http,
    Grpc,
}
