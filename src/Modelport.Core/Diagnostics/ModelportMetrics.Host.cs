using System.Diagnostics.Metrics;

namespace Modelport.Core.Diagnostics;

public sealed partial class ModelportMetrics
{
    private readonly HostResources _host = new();

    /// <summary>Triton's CPU metrics, read from /proc when collected; absent where /proc is not (not Linux).</summary>
    private void CreateHostInstruments()
    {
        Meter.CreateObservableGauge(
            "nv_cpu_utilization", () => Optional(_host.CpuUtilization()), unit: null, "CPU utilization rate [0.0 - 1.0]");
        Meter.CreateObservableGauge(
            "nv_cpu_memory_total_bytes", () => Optional(_host.Memory()?.Total), "By", "CPU total memory (RAM), in bytes");
        Meter.CreateObservableGauge(
            "nv_cpu_memory_used_bytes", () => Optional(_host.Memory()?.Used), "By", "CPU used memory (RAM), in bytes");
    }

    private static IEnumerable<Measurement<T>> Optional<T>(T? value)
        where T : struct =>
        value is { } present ? [new Measurement<T>(present)] : [];
}
