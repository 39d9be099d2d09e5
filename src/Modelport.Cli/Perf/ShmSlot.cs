namespace Modelport.Cli.Perf;

/// <summary>Where a tensor lies in a registered system shared memory region.</summary>
internal sealed record ShmSlot(string Region, long Offset, long ByteSize);
