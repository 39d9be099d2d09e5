namespace Modelport.Server.Tests.TestSupport.Clients;

/// <summary>Where a tensor lies in a registered shared memory region (the shared_memory_* parameters).</summary>
internal sealed record SharedMemoryPlace(string Region, long Offset, long ByteSize);
