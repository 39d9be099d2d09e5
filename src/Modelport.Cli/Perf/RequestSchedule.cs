namespace Modelport.Cli.Perf;

/// <summary>When request-rate mode sends: gaps of 1/rate, or exponential gaps with that mean (a Poisson process).</summary>
internal sealed class RequestSchedule(double rate, RequestDistribution distribution, int seed)
{
    private readonly Random _random = new(seed);
    private double _next;

    /// <summary>The next send time in seconds from the start; one caller at a time.</summary>
    public double Next()
    {
        var at = _next;
        _next += distribution == RequestDistribution.Constant ? 1 / rate : -Math.Log(1 - _random.NextDouble()) / rate;
        return at;
    }
}
