using Modelport.Core.Models;
using Modelport.Core.Tensors;

namespace Modelport.Core.Tests.Inference;

/// <summary>Signatures of model "m" the validator tests check requests against.</summary>
internal static class TestSignatures
{
    /// <summary>No batching: INT32 A [2,-1], optional FP32 B [3]; outputs Y and Z.</summary>
    public static readonly ModelSignature Plain = new(
        0,
        [new TensorSpec("A", DataType.Int32, [2, -1]), new TensorSpec("B", DataType.Fp32, [3]) { Optional = true }],
        [new TensorSpec("Y", DataType.Int32, [-1]), new TensorSpec("Z", DataType.Fp32, [1])]);

    /// <summary>max_batch_size 4: INT32 A [2] and B [2].</summary>
    public static readonly ModelSignature Batched = new(
        4,
        [new TensorSpec("A", DataType.Int32, [2]), new TensorSpec("B", DataType.Int32, [2])],
        [new TensorSpec("Y", DataType.Int32, [2])]);

    /// <summary>A BYTES input S [2].</summary>
    public static readonly ModelSignature Strings = new(
        0, [new TensorSpec("S", DataType.Bytes, [2])], [new TensorSpec("Y", DataType.Bytes, [2])]);

    /// <summary>INT32 R [4] that the engine sees as [2,2], and INT32 V [-1] that it sees as [-1,2].</summary>
    public static ModelSignature Reshaped(int maxBatchSize) => new(
        maxBatchSize,
        [new TensorSpec("R", DataType.Int32, [4]) { Reshape = [2, 2] }, new TensorSpec("V", DataType.Int32, [-1]) { Reshape = [-1, 2], Optional = true }],
        [new TensorSpec("Y", DataType.Int32, [4])]);
}
