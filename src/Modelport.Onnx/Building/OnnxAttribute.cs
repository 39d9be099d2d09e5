using Google.Protobuf;
using Modelport.Onnx.Proto;
using AttributeType = Modelport.Onnx.Proto.AttributeProto.Types.AttributeType;

namespace Modelport.Onnx;

/// <summary>Makes node attributes for <see cref="OnnxModelBuilder.Node"/>.</summary>
public static class OnnxAttribute
{
    public static AttributeProto Int(string name, long value)
    {
        var attribute = New(name, AttributeType.Int);
        attribute.I = value;
        return attribute;
    }

    public static AttributeProto Float(string name, float value)
    {
        var attribute = New(name, AttributeType.Float);
        attribute.F = value;
        return attribute;
    }

    public static AttributeProto String(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var attribute = New(name, AttributeType.String);
        attribute.S = ByteString.CopyFromUtf8(value);
        return attribute;
    }

    public static AttributeProto Ints(string name, params ReadOnlySpan<long> values)
    {
        var attribute = New(name, AttributeType.Ints);
        attribute.Ints.AddRange(values.ToArray());
        return attribute;
    }

    public static AttributeProto Floats(string name, params ReadOnlySpan<float> values)
    {
        var attribute = New(name, AttributeType.Floats);
        attribute.Floats.AddRange(values.ToArray());
        return attribute;
    }

    public static AttributeProto Tensor(string name, TensorProto value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var attribute = New(name, AttributeType.Tensor);
        attribute.T = value;
        return attribute;
    }

    private static AttributeProto New(string name, AttributeType type)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new AttributeProto { Name = name, Type = type };
    }
}
