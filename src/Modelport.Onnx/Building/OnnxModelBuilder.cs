using Google.Protobuf;
using Modelport.Onnx.Proto;
using DataType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Onnx;

/// <summary>
/// Builds an ONNX model one graph element at a time. The output is deterministic: the same
/// calls give the same bytes, so generated models can be committed and compared.
/// </summary>
public sealed class OnnxModelBuilder
{
    // IR 8 (ONNX 1.10) covers opset 17 and loads in every ONNX Runtime since 1.10.
    private const long IrVersion = 8;
    private const string ProducerName = "modelport";

    private readonly GraphProto _graph;
    private readonly List<OperatorSetIdProto> _opsets = [];

    public OnnxModelBuilder(string graphName)
    {
        ArgumentException.ThrowIfNullOrEmpty(graphName);
        _graph = new GraphProto { Name = graphName };
    }

    /// <summary>Imports an operator set; the domain "" is the standard one, ai.onnx.</summary>
    public OnnxModelBuilder Opset(long version, string domain = "")
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        if (_opsets.Any(o => o.Domain == domain))
        {
            throw new ArgumentException($"Operator set domain '{domain}' is already imported.", nameof(domain));
        }

        _opsets.Add(new OperatorSetIdProto { Domain = domain, Version = version });
        return this;
    }

    public OnnxModelBuilder Input(string name, DataType elementType, params ReadOnlySpan<OnnxDim> dims)
    {
        CheckUnique(name, _graph.Input.Select(i => i.Name), "an input");
        _graph.Input.Add(ToValueInfo(name, elementType, dims));
        return this;
    }

    public OnnxModelBuilder Output(string name, DataType elementType, params ReadOnlySpan<OnnxDim> dims)
    {
        CheckUnique(name, _graph.Output.Select(o => o.Name), "an output");
        _graph.Output.Add(ToValueInfo(name, elementType, dims));
        return this;
    }

    /// <summary>Adds a node; nodes must be added in topological order. Its name is its op type and index.</summary>
    public OnnxModelBuilder Node(string opType, IEnumerable<string> inputs, IEnumerable<string> outputs, params ReadOnlySpan<AttributeProto> attributes)
    {
        ArgumentException.ThrowIfNullOrEmpty(opType);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        var node = new NodeProto { OpType = opType, Name = $"{opType}_{_graph.Node.Count}" };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes.ToArray());
        _graph.Node.Add(node);
        return this;
    }

    /// <summary>
    /// Adds a constant tensor; nodes refer to it by the tensor's name. An input of the same
    /// name makes it that input's default value.
    /// </summary>
    public OnnxModelBuilder Initializer(TensorProto tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        CheckUnique(tensor.Name, _graph.Initializer.Select(i => i.Name), "an initializer");
        _graph.Initializer.Add(tensor);
        return this;
    }

    /// <inheritdoc cref="OnnxTensorData.FromValues{T}"/>
    public OnnxModelBuilder Initializer<T>(string name, ReadOnlySpan<T> values, params ReadOnlySpan<long> dims)
        where T : unmanaged =>
        Initializer(OnnxTensorData.FromValues(name, values, dims));

    /// <exception cref="InvalidOperationException">No operator set is imported, or the graph has no output.</exception>
    public ModelProto Build()
    {
        if (_opsets.Count == 0)
        {
            throw new InvalidOperationException($"Model '{_graph.Name}' imports no operator set; call {nameof(Opset)} first.");
        }

        if (_graph.Output.Count == 0)
        {
            throw new InvalidOperationException($"Model '{_graph.Name}' declares no output.");
        }

        var model = new ModelProto { IrVersion = IrVersion, ProducerName = ProducerName, Graph = _graph.Clone() };
        model.OpsetImport.AddRange(_opsets.Select(o => o.Clone()));
        return model;
    }

    public void WriteTo(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, Build().ToByteArray());
    }

    private static ValueInfoProto ToValueInfo(string name, DataType elementType, ReadOnlySpan<OnnxDim> dims)
    {
        if (elementType == DataType.Undefined)
        {
            throw new ArgumentException($"Value '{name}' needs an element type.", nameof(elementType));
        }

        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim.ToProto());
        }

        var tensorType = new TypeProto.Types.Tensor { ElemType = (int)elementType, Shape = shape };
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensorType } };
    }

    private void CheckUnique(string name, IEnumerable<string> names, string role)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (names.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{name}' is already {role} of model '{_graph.Name}'.", nameof(name));
        }
    }
}
