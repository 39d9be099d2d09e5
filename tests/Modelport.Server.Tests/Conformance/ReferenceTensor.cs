using Modelport.Onnx;

namespace Modelport.Server.Tests.Conformance;

/// <summary>A reference input or output of a data set, under the graph name it is fed to or compared with.</summary>
internal sealed record ReferenceTensor(string Name, OnnxRawTensor Value);
