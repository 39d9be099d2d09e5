using System.Runtime.InteropServices;
using System.Text;
using Modelport.Core.Backends;
using Modelport.Core.Errors;
using Modelport.Core.Tensors;

namespace Modelport.Backends.OnnxRuntime.Tests;

public sealed class OnnxRuntimeInstanceTests : IDisposable
{
    private readonly ModelDirectory _directory = new();

    // Three elements of each type, in hex; the floats include a NaN with a payload, -0 and infinity, which must
    // come back bit for bit.
    public static TheoryData<DataType, string> Values => new()
    {
        { DataType.Bool, "000101" },
        { DataType.UInt8, "00FF7F" },
        { DataType.UInt16, "0000FFFF3412" },
        { DataType.UInt32, "00000000FFFFFFFF78563412" },
        { DataType.UInt64, "0000000000000000FFFFFFFFFFFFFFFF0807060504030201" },
        { DataType.Int8, "0080FF" },
        { DataType.Int16, "00800080FFFF" },
        { DataType.Int32, "00000080FFFFFF7FFFFFFFFF" },
        { DataType.Int64, "0000000000000080FFFFFFFFFFFFFF7FFFFFFFFFFFFFFFFF" },
        { DataType.Fp16, "017E0080007C" },
        { DataType.Bf16, "C17F0080803F" },
        { DataType.Fp32, "0100C07F000000800000807F" },
        { DataType.Fp64, "010000000000F87F0000000000000080000000000000F07F" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Identity_RoundTripsEveryFixedSizeType(DataType type, string hex)
    {
        var data = Convert.FromHexString(hex);
        using var model = await TestLoads.LoadAsync(_directory.Write(TestModels.Identity(type)));
        using var instance = model.CreateInstance();

        var outputs = await ExecuteAsync(instance, "y", new InferenceTensor("x", type, [3], data));

        using (outputs.MemoryOwner)
        {
            var y = Assert.Single(outputs.Tensors);
            Assert.Equal(("y", type), (y.Name, y.DataType));
            Assert.Equal([3L], y.Shape);
            Assert.Equal(hex, Convert.ToHexString(y.Data.Span));
        }
    }

    [Fact]
    public async Task Identity_RoundTripsBytes_AsOnnxStrings()
    {
        string[] values = ["", "plain", "héllo wörld", "日本語 🙂", ""];
        using var model = await TestLoads.LoadAsync(_directory.Write(TestModels.Identity(DataType.Bytes)));
        using var instance = model.CreateInstance();

        var outputs = await ExecuteAsync(instance, "y", new InferenceTensor("x", DataType.Bytes, [values.Length], BytesElements.FromStrings(values)));

        using (outputs.MemoryOwner)
        {
            var y = Assert.Single(outputs.Tensors);
            Assert.Equal(DataType.Bytes, y.DataType);
            Assert.Equal([values.Length], y.Shape);
            var elements = new List<string>();
            foreach (var element in BytesElements.Enumerate(y.Data))
            {
                elements.Add(Encoding.UTF8.GetString(element.Span));
            }

            Assert.Equal(values, elements);
        }
    }

    [Fact]
    public async Task EmptyTensors_RoundTrip()
    {
        using var model = await TestLoads.LoadAsync(_directory.Write(TestModels.Identity(DataType.Fp32)));
        using var instance = model.CreateInstance();

        var outputs = await ExecuteAsync(instance, "y", new InferenceTensor("x", DataType.Fp32, [0], ReadOnlyMemory<byte>.Empty));

        using (outputs.MemoryOwner)
        {
            var y = Assert.Single(outputs.Tensors);
            Assert.Equal([0L], y.Shape);
            Assert.True(y.Data.IsEmpty);
        }
    }

    [Fact]
    public async Task OutputMemory_StaysValidUntilTheOwnerIsDisposed()
    {
        using var model = await TestLoads.LoadAsync(_directory.Write(TestModels.Add("n")));
        using var instance = model.CreateInstance();
        var a = Floats(1, 2, 3);
        var b = Floats(10, 20, 30);

        var first = await ExecuteAsync(instance, "sum", new InferenceTensor("a", DataType.Fp32, [3], a), new InferenceTensor("b", DataType.Fp32, [3], b));
        Array.Clear(a);
        Array.Clear(b);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var second = await ExecuteAsync(instance, "sum", new InferenceTensor("a", DataType.Fp32, [3], Floats(5, 5, 5)), new InferenceTensor("b", DataType.Fp32, [3], Floats(1, 1, 1)));

        Assert.Equal([11f, 22f, 33f], MemoryMarshal.Cast<byte, float>(first.Tensors[0].Data.Span).ToArray());
        Assert.Equal([6f, 6f, 6f], MemoryMarshal.Cast<byte, float>(second.Tensors[0].Data.Span).ToArray());
        Assert.NotNull(first.MemoryOwner);
        first.MemoryOwner.Dispose();
        second.MemoryOwner!.Dispose();
    }

    [Fact]
    public async Task Identity_OutputDoesNotAliasTheRequestMemory()
    {
        using var model = await TestLoads.LoadAsync(_directory.Write(TestModels.Identity(DataType.Fp32)));
        using var instance = model.CreateInstance();
        var x = Floats(1, 2, 3);

        var outputs = await ExecuteAsync(instance, "y", new InferenceTensor("x", DataType.Fp32, [3], x));
        Array.Clear(x);

        using (outputs.MemoryOwner)
        {
            Assert.Equal([1f, 2f, 3f], MemoryMarshal.Cast<byte, float>(outputs.Tensors[0].Data.Span).ToArray());
        }
    }

    [Fact]
    public async Task Instances_RunSideBySide_OnTheSharedSession()
    {
        using var model = await TestLoads.LoadAsync(_directory.Write(TestModels.Add("n")));

        var runs = Enumerable.Range(0, 4).Select(index => Task.Run(async () =>
        {
            using var instance = model.CreateInstance();
            for (var i = 0; i < 50; i++)
            {
                var outputs = await ExecuteAsync(
                    instance, "sum", new InferenceTensor("a", DataType.Fp32, [2], Floats(index, i)), new InferenceTensor("b", DataType.Fp32, [2], Floats(1, 1)));
                using (outputs.MemoryOwner)
                {
                    Assert.Equal([index + 1f, i + 1f], MemoryMarshal.Cast<byte, float>(outputs.Tensors[0].Data.Span).ToArray());
                }
            }
        }));

        await Task.WhenAll(runs);
    }

    [Fact]
    public async Task ShapeTheGraphRejects_IsAnInvalidArgumentError()
    {
        using var model = await TestLoads.LoadAsync(_directory.Write(TestModels.Add(2, 3)));
        using var instance = model.CreateInstance();

        var result = await instance.ExecuteAsync(
            new ExecutionInputs(
                [new InferenceTensor("a", DataType.Fp32, [2, 4], new byte[32]), new InferenceTensor("b", DataType.Fp32, [2, 4], new byte[32])],
                ["sum"]),
            CancellationToken.None);

        Assert.Equal(InferenceErrorKind.InvalidArgument, result.Error?.Kind);
        Assert.StartsWith("model 'test': ", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KernelFailure_IsAnInternalError()
    {
        using var model = await TestLoads.LoadAsync(_directory.Write(TestModels.Add("n")));
        using var instance = model.CreateInstance();

        // Both inputs are ["n"], but 2 and 3 do not broadcast: Add fails while running.
        var result = await instance.ExecuteAsync(
            new ExecutionInputs(
                [new InferenceTensor("a", DataType.Fp32, [2], new byte[8]), new InferenceTensor("b", DataType.Fp32, [3], new byte[12])],
                ["sum"]),
            CancellationToken.None);

        Assert.Equal(InferenceErrorKind.Internal, result.Error?.Kind);
        Assert.StartsWith("model 'test': ", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataShorterThanTheShape_IsAnInvalidArgumentError()
    {
        using var model = await TestLoads.LoadAsync(_directory.Write(TestModels.Identity(DataType.Fp32)));
        using var instance = model.CreateInstance();

        var result = await instance.ExecuteAsync(
            new ExecutionInputs([new InferenceTensor("x", DataType.Fp32, [3], new byte[8])], ["y"]), CancellationToken.None);

        Assert.Equal(InferenceErrorKind.InvalidArgument, result.Error?.Kind);
    }

    [Fact]
    public async Task BytesThatDoNotMatchTheShape_AreAnInvalidArgumentError()
    {
        using var model = await TestLoads.LoadAsync(_directory.Write(TestModels.Identity(DataType.Bytes)));
        using var instance = model.CreateInstance();

        var result = await instance.ExecuteAsync(
            new ExecutionInputs([new InferenceTensor("x", DataType.Bytes, [3], BytesElements.FromStrings(["a", "b"]))], ["y"]),
            CancellationToken.None);

        Assert.Equal(InferenceErrorKind.InvalidArgument, result.Error?.Kind);
        Assert.Equal("model 'test': input 'x': BYTES data holds 2 elements but shape [3] needs 3", result.Error!.Message);
    }

    [Fact]
    public async Task CancelledBeforeTheRun_IsACancelledError()
    {
        using var model = await TestLoads.LoadAsync(_directory.Write(TestModels.Identity(DataType.Fp32)));
        using var instance = model.CreateInstance();

        var result = await instance.ExecuteAsync(
            new ExecutionInputs([new InferenceTensor("x", DataType.Fp32, [1], new byte[4])], ["y"]), new CancellationToken(canceled: true));

        Assert.Equal(InferenceErrorKind.Cancelled, result.Error?.Kind);
    }

    [Fact]
    public async Task CancelledDuringTheRun_TerminatesIt_AndTheInstanceRunsAgain()
    {
        // 2000 chained [256,256] MatMuls run for seconds; ORT checks the terminate flag between nodes.
        const int Size = 256;
        using var model = await TestLoads.LoadAsync(_directory.Write(TestModels.MatMulChain(Size, count: 2000)));
        using var instance = model.CreateInstance();
        InferenceTensor[] x = [new("x", DataType.Fp32, [Size, Size], new byte[Size * Size * 4])];

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var result = await instance.ExecuteAsync(new ExecutionInputs(x, ["y2000"]), cancellation.Token);

        Assert.Equal(InferenceErrorKind.Cancelled, result.Error?.Kind);

        (await ExecuteAsync(instance, "y1", x)).MemoryOwner?.Dispose();
    }

    public void Dispose() => _directory.Dispose();

    private static async Task<ExecutionOutputs> ExecuteAsync(IModelInstance instance, string output, params InferenceTensor[] tensors)
    {
        var result = await instance.ExecuteAsync(new ExecutionInputs(tensors, [output]), CancellationToken.None);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value;
    }

    private static byte[] Floats(params float[] values) => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
}
