namespace Modelport.Cli.Perf;

/// <summary>Load that runs from its start until stopped; stopping lets requests in flight finish and be recorded.</summary>
internal interface ILoad
{
    Task StopAsync();
}
