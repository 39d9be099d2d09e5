namespace Modelport.Server.TfServing;

/// <summary>How a predict request gave its tensors, which decides how the answer gives the outputs.</summary>
internal enum PredictFormat
{
    /// <summary><c>"instances"</c> in, <c>"predictions"</c> out: one entry per instance, split along dimension 0.</summary>
    Row,

    /// <summary><c>"inputs"</c> in, <c>"outputs"</c> out: whole tensors.</summary>
    Columnar,
}
