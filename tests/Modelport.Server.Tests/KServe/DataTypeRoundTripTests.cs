using System.Net;
using System.Text.Json.Nodes;
using Modelport.Onnx;
using Modelport.Server.Tests.TestSupport;
using Modelport.Server.Tests.TestSupport.Clients;
using OnnxType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Server.Tests.KServe;

/// <summary>Every v2 datatype goes through an ONNX Identity model and comes back unchanged, over REST and gRPC, typed and binary.</summary>
public sealed class DataTypeRoundTripTests(DataTypeRoundTripTests.IdentityServerFixture fixture) : IClassFixture<DataTypeRoundTripTests.IdentityServerFixture>
{
    private static readonly (string Wire, OnnxType Onnx, string JsonValues)[] Types =
    [
        ("BOOL", OnnxType.Bool, "[true,false,true]"),
        ("UINT8", OnnxType.Uint8, "[0,128,255]"),
        ("UINT16", OnnxType.Uint16, "[0,1,65535]"),
        ("UINT32", OnnxType.Uint32, "[0,1,4294967295]"),
        ("UINT64", OnnxType.Uint64, "[0,1,18446744073709551615]"),
        ("INT8", OnnxType.Int8, "[-128,0,127]"),
        ("INT16", OnnxType.Int16, "[-32768,0,32767]"),
        ("INT32", OnnxType.Int32, "[-2147483648,0,2147483647]"),
        ("INT64", OnnxType.Int64, "[-9223372036854775808,0,9223372036854775807]"),
        ("FP16", OnnxType.Float16, "[1.5,-2,0.25]"),
        ("BF16", OnnxType.Bfloat16, "[1.5,-2,0.25]"),
        ("FP32", OnnxType.Float, "[1.5,-2.25,10000000000]"),
        ("FP64", OnnxType.Double, "[1.5,-2.25,1E+300]"),
        ("BYTES", OnnxType.String, """["","h\u00e9llo","tab\tnew\nline"]"""),
    ];

    public static TheoryData<string> WireTypes => [.. Types.Select(type => type.Wire)];

    public static TheoryData<Transport, string> TransportsAndTypes => Transports.With(Types.Select(type => type.Wire));

    [Theory]
    [MemberData(nameof(WireTypes))]
    public async Task Json_data_round_trips(string datatype)
    {
        var values = Types.Single(type => type.Wire == datatype).JsonValues;
        var request = $$"""{"inputs":[{"name":"X","datatype":"{{datatype}}","shape":[1,3],"data":{{values}}}]}""";

        var (status, body) = await fixture.Server.Client.PostAsync($"/v2/models/identity_{datatype.ToLowerInvariant()}/infer", request);

        Assert.Equal(HttpStatusCode.OK, status);
        var output = body!["outputs"]![0]!;
        Assert.Equal(datatype, output["datatype"]!.GetValue<string>());
        if (datatype.StartsWith("FP", StringComparison.Ordinal) || datatype == "BF16")
        {
            // A float may be spelled differently on the way back (1E+10 for 10000000000); compare the numbers.
            Assert.Equal(JsonNode.Parse(values)!.AsArray().Select(node => node!.GetValue<double>()), output["data"]!.AsArray().Select(node => node!.GetValue<double>()));
        }
        else
        {
            Assert.Equal(JsonNode.Parse(values)!.ToJsonString(), output["data"]!.ToJsonString());
        }
    }

    /// <summary>JSON over REST, typed contents over gRPC (FP16 and BF16, which have no typed field, go raw).</summary>
    [Theory]
    [MemberData(nameof(TransportsAndTypes))]
    public async Task Typed_data_round_trips(Transport transport, string datatype)
    {
        var values = JsonTensorCodec.FromJson(datatype, JsonNode.Parse(Types.Single(type => type.Wire == datatype).JsonValues)!.AsArray());

        var reply = await fixture.Server.ClientFor(transport).InferAsync(Identity(datatype, values));

        Assert.Equal(datatype, reply.Output("Y").Datatype);
        Assert.Equal(values, reply.Output("Y").Data);
    }

    [Theory]
    [MemberData(nameof(TransportsAndTypes))]
    public async Task Binary_data_round_trips_bit_for_bit(Transport transport, string datatype)
    {
        var data = BinaryValues(datatype);

        var reply = await fixture.Server.ClientFor(transport).InferAsync(Identity(datatype, data) with { Binary = true });

        Assert.True(reply.Binary);
        Assert.Equal(data, reply.Output("Y").Data);
    }

    private static InferCall Identity(string datatype, byte[] data) =>
        new($"identity_{datatype.ToLowerInvariant()}", [new Tensor("X", datatype, [1, 3], data)]);

    private static byte[] BinaryValues(string datatype)
    {
        if (datatype == "BYTES")
        {
            return Core.Tensors.BytesElements.FromStrings(["", "\u00fcnicode \u2713", new string('x', 300)]);
        }

        Core.Tensors.DataTypes.TryParseWireName(datatype, out var type);
        var bytes = new byte[3 * Core.Tensors.DataTypes.ElementSize(type)];
        new Random(7).NextBytes(bytes);
        if (datatype == "BOOL")
        {
            bytes = [1, 0, 1];
        }
        else if (datatype is "FP16" or "BF16")
        {
            // A NaN with a payload must come back with the same bits.
            bytes[0] = 0x01;
            bytes[1] = 0x7F;
        }

        return bytes;
    }

    public sealed class IdentityServerFixture : IAsyncLifetime
    {
        private readonly TempRepository _repository = new();

        internal TestServer Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            foreach (var (wire, onnx, _) in Types)
            {
                _repository.WriteModel(
                    $"identity_{wire.ToLowerInvariant()}",
                    1,
                    new OnnxModelBuilder("identity").Opset(17).Input("X", onnx, "batch", 3).Output("Y", onnx, "batch", 3).Node("Identity", ["X"], ["Y"]));
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
