namespace Modelport.Server.Tests.Tracing;

/// <summary>
/// Activity listeners are process-wide: the tracing tests run alone, so that one test's listener neither sees other
/// tests' requests nor makes spans appear in a test that checks that none are created.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TracingCollection
{
    public const string Name = "Tracing";
}
