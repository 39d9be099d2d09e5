using Microsoft.ML.OnnxRuntime;
using Modelport.Core.Backends;
using Modelport.Core.Configuration;

namespace Modelport.Backends.OnnxRuntime.Tests;

public sealed class SessionSettingsTests
{
    [Fact]
    public void Defaults_ShareTheCoresAmongInstances_AndRunSequentially()
    {
        var config = new ModelConfig
        {
            InstanceGroup = { new ModelInstanceGroup { Count = 2 }, new ModelInstanceGroup() },
        };

        var settings = SessionSettings.FromConfig(config, "m");

        Assert.Equal(Math.Max(1, Environment.ProcessorCount / 3), settings.IntraOpThreads);
        Assert.Equal(1, settings.InterOpThreads);
        Assert.Equal(ExecutionMode.ORT_SEQUENTIAL, settings.ExecutionMode);
        Assert.Equal(GraphOptimizationLevel.ORT_ENABLE_ALL, settings.OptimizationLevel);
        Assert.Null(settings.EnableMemArena);
        Assert.Null(settings.EnableMemPattern);
    }

    [Fact]
    public void Defaults_WithoutInstanceGroups_GiveOneInstanceAllCores()
    {
        var settings = SessionSettings.FromConfig(new ModelConfig(), "m");

        Assert.Equal(Environment.ProcessorCount, settings.IntraOpThreads);
    }

    [Fact]
    public void Parameters_UseTritonsNames()
    {
        var config = Config(
            ("intra_op_thread_count", "3"),
            ("inter_op_thread_count", "2"),
            ("execution_mode", "1"),
            ("enable_mem_arena", "0"),
            ("enable_mem_pattern", "true"));

        var settings = SessionSettings.FromConfig(config, "m");

        Assert.Equal(3, settings.IntraOpThreads);
        Assert.Equal(2, settings.InterOpThreads);
        Assert.Equal(ExecutionMode.ORT_PARALLEL, settings.ExecutionMode);
        Assert.False(settings.EnableMemArena);
        Assert.True(settings.EnableMemPattern);
    }

    [Theory]
    [InlineData(-1, GraphOptimizationLevel.ORT_ENABLE_BASIC)]
    [InlineData(0, GraphOptimizationLevel.ORT_ENABLE_ALL)]
    [InlineData(1, GraphOptimizationLevel.ORT_ENABLE_EXTENDED)]
    [InlineData(2, GraphOptimizationLevel.ORT_DISABLE_ALL)]
    public void GraphLevel_MapsLikeTriton(int level, GraphOptimizationLevel expected)
    {
        var config = new ModelConfig
        {
            Optimization = new ModelOptimizationPolicy { Graph = new ModelOptimizationPolicy.Types.Graph { Level = level } },
        };

        Assert.Equal(expected, SessionSettings.FromConfig(config, "m").OptimizationLevel);
    }

    [Fact]
    public void GraphLevel_OutOfRange_FailsTheLoad()
    {
        var config = new ModelConfig
        {
            Optimization = new ModelOptimizationPolicy { Graph = new ModelOptimizationPolicy.Types.Graph { Level = 3 } },
        };

        var exception = Assert.Throws<ModelLoadException>(() => SessionSettings.FromConfig(config, "m"));
        Assert.Contains("optimization.graph.level is 3", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("intra_op_thread_count", "many")]
    [InlineData("intra_op_thread_count", "-2")]
    [InlineData("inter_op_thread_count", "1.5")]
    [InlineData("execution_mode", "2")]
    [InlineData("enable_mem_arena", "maybe")]
    [InlineData("enable_mem_pattern", "")]
    public void InvalidParameter_FailsTheLoad_NamingParameterAndValue(string key, string value)
    {
        var exception = Assert.Throws<ModelLoadException>(() => SessionSettings.FromConfig(Config((key, value)), "m"));

        Assert.Contains($"model 'm': parameter '{key}' is '{value}'", exception.Message, StringComparison.Ordinal);
    }

    private static ModelConfig Config(params (string Key, string Value)[] parameters)
    {
        var config = new ModelConfig();
        foreach (var (key, value) in parameters)
        {
            config.Parameters.Add(key, new ModelParameter { StringValue = value });
        }

        return config;
    }
}
