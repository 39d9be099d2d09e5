namespace Modelport.Core.Tests.TestSupport;

internal static class TestTimeouts
{
    /// <summary>How long a test waits for something that is already due; only a broken build ever reaches it.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
}
