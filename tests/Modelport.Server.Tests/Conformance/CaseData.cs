using Modelport.Onnx;
using Modelport.Onnx.Proto;
using OnnxType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Server.Tests.Conformance;

/// <summary>A case's graph signature and, when every graph value is a tensor, its reference data sets.</summary>
internal sealed record CaseData(OnnxSignature Signature, IReadOnlyList<string> NonTensorValues, IReadOnlyList<ReferenceDataSet> DataSets)
{
    public static CaseData Load(ConformanceCase conformanceCase)
    {
        var signature = OnnxSignature.FromModel(OnnxModelFile.Read(conformanceCase.ModelPath));
        string[] nonTensorValues =
        [
            .. signature.Inputs.Select(value => (Kind: "input", Value: value))
                .Concat(signature.Outputs.Select(value => (Kind: "output", Value: value)))
                .Where(entry => entry.Value.Kind != OnnxValueKind.Tensor)
                .Select(entry => $"{entry.Kind} '{entry.Value.Name}' is a {entry.Value.Kind}"),
        ];

        // The value files of sequences and optionals hold SequenceProto or OptionalProto, which no tensor carries: left unread.
        ReferenceDataSet[] dataSets = nonTensorValues.Length > 0
            ? []
            : [.. conformanceCase.DataSetFolders.Select(folder => ReadDataSet(folder, signature))];
        return new CaseData(signature, nonTensorValues, dataSets);
    }

    private static ReferenceDataSet ReadDataSet(string folder, OnnxSignature signature) =>
        new(folder, ReadTensors(folder, "input", signature.Inputs, preferFileNames: true), ReadTensors(folder, "output", signature.Outputs, preferFileNames: false));

    /// <summary>
    /// Reads <c>{prefix}_0.pb</c>, <c>{prefix}_1.pb</c>, ... An input file may name the tensor it holds; an unnamed one,
    /// and every output file, goes with the graph value at its position.
    /// </summary>
    private static ReferenceTensor[] ReadTensors(string folder, string prefix, IReadOnlyList<OnnxTensorInfo> graphValues, bool preferFileNames)
    {
        var tensors = new List<ReferenceTensor>();
        for (var index = 0; File.Exists(Path.Combine(folder, $"{prefix}_{index}.pb")); index++)
        {
            var tensor = TensorProto.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(folder, $"{prefix}_{index}.pb")));
            var name = preferFileNames && tensor.Name.Length > 0 ? tensor.Name : graphValues[index].Name;
            tensors.Add(new ReferenceTensor(name, AsGraphType(OnnxTensorData.ToRaw(tensor), graphValues.FirstOrDefault(value => value.Name == name))));
        }

        return [.. tensors];
    }

    /// <summary>numpy has no bfloat16, so onnx wrote BFLOAT16 values as UINT16 tensors of the same bit patterns.</summary>
    private static OnnxRawTensor AsGraphType(OnnxRawTensor tensor, OnnxTensorInfo? graphValue) =>
        tensor.ElementType == OnnxType.Uint16 && graphValue?.ElementType == OnnxType.Bfloat16
            ? tensor with { ElementType = OnnxType.Bfloat16 }
            : tensor;
}
