namespace Modelport.Server.Json;

/// <summary>How a front end spells floating-point values in JSON; each follows what its own clients expect.</summary>
internal enum RealNumberStyle
{
    /// <summary>
    /// KServe v2: the shortest round-tripping number; NaN and infinities as the strings "NaN", "Infinity", "-Infinity",
    /// so the answer stays valid JSON for every parser (numpy reads those strings as floats).
    /// </summary>
    V2,

    /// <summary>TF Serving: whole values keep a point ("2.0"); NaN and infinities as bare words, as TF Serving writes them.</summary>
    TfServing,
}
