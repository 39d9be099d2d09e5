using System.Text;
using Modelport.Client.Tests.TestSupport;
using Modelport.Onnx;
using OnnxType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Client.Tests.Tensors;

/// <summary>Every v2 datatype goes through an ONNX Identity model and comes back with the same values, over every transport.</summary>
public sealed class DataTypeRoundTripTests(DataTypeRoundTripTests.IdentityServerFixture fixture) : IClassFixture<DataTypeRoundTripTests.IdentityServerFixture>
{
    private static readonly RoundTrip[] Cases =
    [
        RoundTrip.Of("BOOL", OnnxType.Bool, [true, false, true]),
        RoundTrip.Of<byte>("UINT8", OnnxType.Uint8, [0, 128, 255]),
        RoundTrip.Of<ushort>("UINT16", OnnxType.Uint16, [0, 1, ushort.MaxValue]),
        RoundTrip.Of("UINT32", OnnxType.Uint32, [0u, 1u, uint.MaxValue]),
        RoundTrip.Of("UINT64", OnnxType.Uint64, [0ul, 1ul, ulong.MaxValue]),
        RoundTrip.Of<sbyte>("INT8", OnnxType.Int8, [sbyte.MinValue, 0, sbyte.MaxValue]),
        RoundTrip.Of<short>("INT16", OnnxType.Int16, [short.MinValue, 0, short.MaxValue]),
        RoundTrip.Of("INT32", OnnxType.Int32, [int.MinValue, 0, int.MaxValue]),
        RoundTrip.Of("INT64", OnnxType.Int64, [long.MinValue, 0L, long.MaxValue]),
        RoundTrip.Of("FP16", OnnxType.Float16, [(Half)1.5, (Half)(-2), (Half)0.25]),
        RoundTrip.Of("FP32", OnnxType.Float, [1.5f, -2.25f, 1e10f]),
        RoundTrip.Of("FP64", OnnxType.Double, [1.5, -2.25, 1e300]),
        // 1.5, -2 and 0.25 as bfloat16: the upper halves of their IEEE singles.
        new("BF16", OnnxType.Bfloat16, () => InferInput.FromRawData("X", TensorDataType.Bf16, new byte[] { 0xC0, 0x3F, 0x00, 0xC0, 0x80, 0x3E }, 1, 3),
            output => Assert.Equal(new byte[] { 0xC0, 0x3F, 0x00, 0xC0, 0x80, 0x3E }, output.RawData.ToArray())),
        new("BYTES", OnnxType.String, () => InferInput.FromStrings("X", ["", "h\u00e9llo \u2713", "tab\tnew\nline"], 1, 3),
            output => Assert.Equal(["", "h\u00e9llo \u2713", "tab\tnew\nline"], output.GetStrings())),
    ];

    public static TheoryData<Transport, string> TransportsAndTypes
    {
        get
        {
            var data = new TheoryData<Transport, string>();
            foreach (var transport in Enum.GetValues<Transport>())
            {
                foreach (var type in Cases)
                {
                    data.Add(transport, type.Wire);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(TransportsAndTypes))]
    public async Task Values_come_back_unchanged(Transport transport, string datatype)
    {
        using var client = fixture.Server.Client(transport);
        var type = Cases.Single(type => type.Wire == datatype);

        var result = await client.InferAsync(ModelOf(datatype), new InferRequest(type.Input()));

        var output = result.GetOutput("Y");
        Assert.Equal(new TensorDataType(datatype), output.Datatype);
        Assert.Equal([1L, 3L], output.Shape);
        type.Check(output);
    }

    [Fact]
    public async Task Binary_data_keeps_bytes_that_are_not_text_and_NaN_payloads()
    {
        using var client = fixture.Server.Client(Transport.Http);
        byte[][] elements = [[0xFF, 0x00, 0xC3], [], [0x28]];
        var nan = BitConverter.UInt16BitsToHalf(0x7F01);

        var bytes = await client.InferAsync(ModelOf("BYTES"), new InferRequest(InferInput.FromBytes("X", elements, 1, 3)));
        var halves = await client.InferAsync(ModelOf("FP16"), new InferRequest(InferInput.Create("X", new[] { nan, Half.One, Half.NegativeInfinity }, 1, 3)));

        Assert.Equal(elements, bytes.GetOutput("Y").GetBytes());
        var values = halves.GetOutput("Y").ToArray<Half>();
        Assert.Equal(0x7F01, BitConverter.HalfToUInt16Bits(values[0]));
        Assert.Equal(Half.NegativeInfinity, values[2]);
    }

    [Fact]
    public async Task Json_data_carries_utf8_text()
    {
        using var client = fixture.Server.Client(Transport.HttpJson);
        var input = InferInput.FromBytes("X", [Encoding.UTF8.GetBytes("\u00e9"), [], Encoding.UTF8.GetBytes("ok")], 1, 3);

        var result = await client.InferAsync(ModelOf("BYTES"), new InferRequest(input));

        Assert.Equal(["\u00e9", "", "ok"], result.GetOutput("Y").GetStrings());
    }

    private static string ModelOf(string datatype) => $"identity_{datatype.ToLowerInvariant()}";

    private sealed record RoundTrip(string Wire, OnnxType Onnx, Func<InferInput> Input, Action<InferOutput> Check)
    {
        public static RoundTrip Of<T>(string wire, OnnxType onnx, T[] values)
            where T : unmanaged =>
            new(wire, onnx, () => InferInput.Create("X", values, 1, 3), output => Assert.Equal(values, output.ToArray<T>()));
    }

    public sealed class IdentityServerFixture : IAsyncLifetime
    {
        private readonly TempRepository _repository = new();

        internal TestServer Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            foreach (var type in Cases)
            {
                _repository.WriteModel(
                    ModelOf(type.Wire),
                    1,
                    new OnnxModelBuilder("identity").Opset(17).Input("X", type.Onnx, "batch", 3).Output("Y", type.Onnx, "batch", 3).Node("Identity", ["X"], ["Y"]));
            }

            Server = await TestServer.StartAsync(_repository.Path);
        }

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            _repository.Dispose();
        }
    }
}
