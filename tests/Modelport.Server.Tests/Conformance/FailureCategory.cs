namespace Modelport.Server.Tests.Conformance;

/// <summary>Why a conformance case cannot pass through the server.</summary>
internal enum FailureCategory
{
    /// <summary>A sequence, optional or map input or output: the v2 protocol carries tensors only.</summary>
    NonTensorValue,

    /// <summary>ONNX Runtime has no kernel for the operator at that opset, element type or attribute value.</summary>
    MissingKernel,

    /// <summary>An operator of the ai.onnx.preview.training domain, which inference builds of ONNX Runtime leave out.</summary>
    TrainingOperator,

    /// <summary>The outputs are random draws; another generator cannot reproduce the reference's.</summary>
    RandomOutput,

    /// <summary>ONNX Runtime runs the case and computes something other than the reference, for a stated reason.</summary>
    ResultDiffers,

    /// <summary>The reference data does not fit the model.</summary>
    InvalidReferenceData,
}
