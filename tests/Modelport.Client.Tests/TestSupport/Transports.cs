namespace Modelport.Client.Tests.TestSupport;

internal static class Transports
{
    public static TheoryData<Transport> All => [.. Enum.GetValues<Transport>()];
}
