namespace Modelport.Core.Lifecycle;

public static class ModelStates
{
    /// <summary>The upper-case name Triton's repository index uses: LOADING, READY, UNLOADING, UNAVAILABLE.</summary>
    public static string WireName(this ModelState state) => state switch
    {
        ModelState.Loading => "LOADING",
        ModelState.Ready => "READY",
        ModelState.Unloading => "UNLOADING",
        _ => "UNAVAILABLE",
    };
}
