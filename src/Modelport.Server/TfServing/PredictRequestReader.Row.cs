using System.Text.Json;
using Modelport.Core.Tensors;
using Modelport.Server.Http;
using Modelport.Server.Json;

namespace Modelport.Server.TfServing;

internal static partial class PredictRequestReader
{
    /// <summary>
    /// The row format: a list of instances, each the value of the single input or an object naming every input. Each
    /// input gets shape [instances, shape of its value in instances[0]], and every instance must match instances[0].
    /// </summary>
    private static List<InferenceTensor> ReadInstances(ref Utf8JsonReader reader, ModelTarget model, int jsonLength, PooledBuffers buffers)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new RequestFormatException($"'instances' must be a list, not {TensorJsonReader.Text(ref reader)}");
        }

        var count = JsonTensorShape.CountElements(reader);
        if (count == 0)
        {
            throw new RequestFormatException("'instances' is an empty list; send at least one instance");
        }

        reader.Read();
        var named = IsNamedObject(ref reader);
        if (!named && model.Signature.Inputs.Count != 1)
        {
            throw new RequestFormatException(
                $"instances[0] is not an object, but model '{model.Name}' has {model.Signature.Inputs.Count} inputs ({model.InputNames}); " +
                "each instance must be an object that names them");
        }

        var builders = new Dictionary<string, TensorBuilder>(StringComparer.Ordinal);
        TensorBuilder? single = null;
        if (named)
        {
            var first = reader;
            while (first.Read() && first.TokenType == JsonTokenType.PropertyName)
            {
                var input = FindInput(model, first.GetString()!, "instances[0]");
                first.Read();
                builders[input.Name] = new TensorBuilder(input.Name, input.DataType, JsonTensorShape.Of(first), count, "instances[0]", jsonLength, buffers);
                first.Skip();
            }
        }
        else
        {
            var input = model.Signature.Inputs[0];
            single = new TensorBuilder(input.Name, input.DataType, JsonTensorShape.Of(reader), count, "instances[0]", jsonLength, buffers);
            builders[input.Name] = single;
        }

        for (var index = 0; index < count; index++)
        {
            if (index > 0)
            {
                reader.Read();
            }

            if (named)
            {
                ReadNamedInstance(ref reader, index, builders);
            }
            else if (IsNamedObject(ref reader))
            {
                throw new RequestFormatException($"instances[{index}] is an object, but instances[0] is not; every instance must have the same form");
            }
            else
            {
                single!.Append(ref reader, $"instances[{index}]");
            }
        }

        reader.Read();
        return [.. builders.Values.Select(builder => builder.ToTensor([count, .. builder.UnitShape]))];
    }

    private static void ReadNamedInstance(ref Utf8JsonReader reader, int index, Dictionary<string, TensorBuilder> builders)
    {
        var where = $"instances[{index}]";
        if (!IsNamedObject(ref reader))
        {
            throw new RequestFormatException($"{where} is {TensorJsonReader.Text(ref reader)}, but instances[0] is an object; every instance must name the same inputs");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!builders.TryGetValue(name, out var builder))
            {
                throw new RequestFormatException(
                    $"{where} has '{name}', which instances[0] does not; every instance must name the same inputs ({string.Join(", ", builders.Keys)})");
            }

            if (builder.Units != index)
            {
                throw new RequestFormatException($"{where} names '{name}' twice");
            }

            reader.Read();
            builder.Append(ref reader, $"{where} input '{name}'");
        }

        foreach (var (name, builder) in builders)
        {
            if (builder.Units == index)
            {
                throw new RequestFormatException($"{where} has no '{name}', which instances[0] has; every instance must name the same inputs");
            }
        }
    }
}
