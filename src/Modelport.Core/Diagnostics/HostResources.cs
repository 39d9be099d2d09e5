using System.Globalization;

namespace Modelport.Core.Diagnostics;

/// <summary>The host's CPU use and memory, from /proc/stat and /proc/meminfo as Triton reads them.</summary>
internal sealed class HostResources
{
    private readonly Lock _gate = new();
    private CpuTimes _previous;

    /// <summary>The share of CPU time all cores spent busy since the previous call (since boot on the first); null without /proc.</summary>
    public double? CpuUtilization()
    {
        var now = ReadCpuTimes();
        if (now is not { } current)
        {
            return null;
        }

        lock (_gate)
        {
            var total = current.Total - _previous.Total;
            var idle = current.Idle - _previous.Idle;
            _previous = current;
            return total <= 0 ? 0 : Math.Clamp((double)(total - idle) / total, 0, 1);
        }
    }

    /// <summary>Total and used memory in bytes (used is total less available, as Triton and free(1) count it); null without /proc.</summary>
    public (long Total, long Used)? Memory()
    {
        long? total = null;
        long? available = null;
        foreach (var line in ReadLines("/proc/meminfo"))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                total = Kibibytes(line);
            }
            else if (line.StartsWith("MemAvailable:", StringComparison.Ordinal))
            {
                available = Kibibytes(line);
            }
        }

        return total is { } t && available is { } a ? (t, t - a) : null;
    }

    /// <summary>The first line of /proc/stat: jiffies in user, nice, system, idle, iowait, irq, softirq, steal.</summary>
    private static CpuTimes? ReadCpuTimes()
    {
        var line = ReadLines("/proc/stat").FirstOrDefault(line => line.StartsWith("cpu ", StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(field => long.Parse(field, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        if (fields.Length < 5)
        {
            return null;
        }

        // Waiting for I/O is idle time to the CPU.
        return new CpuTimes(fields.Sum(), fields[3] + fields[4]);
    }

    private static long Kibibytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], NumberStyles.None, CultureInfo.InvariantCulture) * 1024;

    private static IEnumerable<string> ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    private readonly record struct CpuTimes(long Total, long Idle);
}
