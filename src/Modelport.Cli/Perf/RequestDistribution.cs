namespace Modelport.Cli.Perf;

/// <summary>How request-rate mode spaces its requests: evenly, or as a Poisson process with the same mean rate.</summary>
internal enum RequestDistribution
{
    Constant,
    Poisson,
}
