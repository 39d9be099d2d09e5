namespace Modelport.Server.Tests.TestSupport.Clients;

/// <summary>A registered system shared memory region as status reports it.</summary>
internal sealed record SharedMemoryRegionInfo(string Name, string Key, long Offset, long ByteSize);
