using System.Buffers;
using System.Text.Json;
using Modelport.Core.Models;
using Modelport.Core.Tensors;
using Modelport.Server.Http;

namespace Modelport.Server.Json;

/// <summary>
/// Gathers one input's values into one typed buffer, a unit at a time: an instance in the row format, the whole tensor
/// in the columnar one. Each unit must be a dense nest of lists of the unit shape, values at the innermost depth, as
/// TF Serving requires; numbers take the input's data type from the model's signature.
/// </summary>
internal sealed class TensorBuilder
{
    private readonly string _name;
    private readonly DataType _type;
    private readonly long[] _unitShape;
    private readonly string _shapeOrigin;
    private readonly Memory<byte> _fixedSize;
    private readonly ArrayBufferWriter<byte>? _bytes;
    private long _elements;

    /// <param name="shapeOrigin">Where the unit shape was read from, as an error message names it.</param>
    public TensorBuilder(string name, DataType type, long[] unitShape, long units, string shapeOrigin, int jsonLength, PooledBuffers buffers)
    {
        _name = name;
        _type = type;
        _unitShape = unitShape;
        _shapeOrigin = shapeOrigin;

        // Every value takes at least one byte of JSON, so a shape with more values than the body has bytes cannot be
        // dense; refuse it before allocating anything from it.
        var count = TensorShape.ElementCount([units, .. unitShape]);
        if (count is null || count > jsonLength)
        {
            throw new RequestFormatException(
                $"input '{name}': its values do not form a dense array of {units} × {TensorShape.Format(unitShape)}, the shape read from {shapeOrigin}");
        }

        if (type == DataType.Bytes)
        {
            _bytes = new ArrayBufferWriter<byte>();
        }
        else
        {
            _fixedSize = buffers.Rent((int)count.Value * type.ElementSize());
        }
    }

    public long[] UnitShape => _unitShape;

    /// <summary>How many units were appended.</summary>
    public long Units { get; private set; }

    /// <summary>Reads the unit at the reader's position; the reader ends on its last token.</summary>
    /// <param name="where">The unit, as an error message names it ("instances[3] input 'x'").</param>
    public void Append(ref Utf8JsonReader reader, string where)
    {
        Walk(ref reader, where, 0);
        Units++;
    }

    /// <summary>
    /// Reads a whole tensor written as nested lists at the reader's position (TF Serving's columnar format, a TorchServe
    /// JSON body); its shape is that of the nesting.
    /// </summary>
    /// <param name="where">The tensor, as an error message names it ("input 'x'").</param>
    public static InferenceTensor ReadWhole(ref Utf8JsonReader reader, TensorSpec input, string where, int jsonLength, PooledBuffers buffers)
    {
        var shape = JsonTensorShape.Of(reader);
        var builder = new TensorBuilder(input.Name, input.DataType, shape, 1, "its first elements", jsonLength, buffers);
        builder.Append(ref reader, where);
        return builder.ToTensor(shape);
    }

    public InferenceTensor ToTensor(long[] shape) =>
        new(_name, _type, shape, _bytes is null ? _fixedSize : _bytes.WrittenMemory);

    private void Walk(ref Utf8JsonReader reader, string where, int depth)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            if (depth != _unitShape.Length)
            {
                throw new RequestFormatException(
                    $"{where}: the value {TensorJsonReader.Text(ref reader)} is at depth {depth}, but the shape read from {_shapeOrigin} is {TensorShape.Format(_unitShape)}, which puts values at depth {_unitShape.Length}");
            }

            WriteValue(ref reader);
            return;
        }

        if (depth == _unitShape.Length)
        {
            throw new RequestFormatException(
                $"{where}: a list is at depth {depth}, but the shape read from {_shapeOrigin} is {TensorShape.Format(_unitShape)}, which puts values there");
        }

        long length = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            length++;
            if (length <= _unitShape[depth])
            {
                Walk(ref reader, where, depth + 1);
            }
            else
            {
                reader.Skip();
            }
        }

        if (length != _unitShape[depth])
        {
            throw new RequestFormatException(
                $"{where}: a list at depth {depth} has {length} elements, but the shape read from {_shapeOrigin} is {TensorShape.Format(_unitShape)}, which needs {_unitShape[depth]}");
        }
    }

    private void WriteValue(ref Utf8JsonReader reader)
    {
        if (_bytes is not null)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                Base64Value.Append(ref reader, _name, _bytes);
            }
            else
            {
                TensorJsonReader.WriteBytesElement(ref reader, _name, _bytes);
            }
        }
        else
        {
            var size = _type.ElementSize();
            TensorJsonReader.WriteElement(ref reader, _name, _type, _fixedSize.Span.Slice((int)(_elements * size), size));
        }

        _elements++;
    }
}
