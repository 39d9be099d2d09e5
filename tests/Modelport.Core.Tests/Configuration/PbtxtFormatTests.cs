using Modelport.Core.Configuration;

namespace Modelport.Core.Tests.Configuration;

public sealed class PbtxtFormatTests
{
    [Fact]
    public void WritesCanonicalText()
    {
        var config = ModelConfigText.Parse("""
            parameters { key: "b" value { string_value: "2" } }
            parameters { key: "a" value { string_value: "say \"hi\"\n" } }
            input [ { name: "INPUT0" data_type: TYPE_FP32 dims: [ 16, -1 ] reshape { shape: [ ] } } ]
            max_batch_size: 8
            name: "simple"
            dynamic_batching { }
            instance_group { kind: KIND_CPU count: 2 }
            """);

        const string expected = """
            name: "simple"
            max_batch_size: 8
            input {
              name: "INPUT0"
              data_type: TYPE_FP32
              dims: [16, -1]
              reshape {
              }
            }
            instance_group {
              count: 2
              kind: KIND_CPU
            }
            dynamic_batching {
            }
            parameters {
              key: "a"
              value {
                string_value: "say \"hi\"\n"
              }
            }
            parameters {
              key: "b"
              value {
                string_value: "2"
              }
            }

            """;
        Assert.Equal(expected, ModelConfigText.Format(config));
    }

    [Fact]
    public void WritesSpecialValues()
    {
        var config = new ModelConfig
        {
            Name = "tab\tctl\u0001é",
            SequenceBatching = new ModelSequenceBatching
            {
                Direct = new() { MinimumSlotUtilization = float.NaN },
                ControlInput = { new ModelSequenceBatching.Types.ControlInput { Control = { new ModelSequenceBatching.Types.Control { Fp32FalseTrue = { float.NegativeInfinity, -0f, 1e-5f } } } } },
            },
            Input = { new ModelInput { DataType = (DataType)99 } },
        };

        var text = ModelConfigText.Format(config);

        Assert.Contains("name: \"tab\\tctl\\001é\"", text);
        Assert.Contains("minimum_slot_utilization: nan", text);
        Assert.Contains("fp32_false_true: [-inf, -0, 1E-05]", text);
        Assert.Contains("data_type: 99", text);
    }

    [Fact]
    public void EmptyConfigIsEmptyText()
    {
        Assert.Equal("", ModelConfigText.Format(new ModelConfig()));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RoundTripsEveryFieldOfTheSchema(int seed)
    {
        var config = RandomModelConfigs.Create(seed);

        var text = ModelConfigText.Format(config);

        Assert.Equal(config, ModelConfigText.Parse(text));
        Assert.Equal(text, ModelConfigText.Format(ModelConfigText.Parse(text)));
    }

    public static IEnumerable<object[]> Seeds() => RandomModelConfigs.Seeds(60);
}
