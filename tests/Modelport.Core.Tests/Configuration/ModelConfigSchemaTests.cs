using Modelport.Core.Configuration;

namespace Modelport.Core.Tests.Configuration;

/// <summary>Guards wire compatibility with Triton's model_config.proto: names and numbers must not drift.</summary>
public sealed class ModelConfigSchemaTests
{
    [Theory]
    [InlineData("ModelConfig", "name=1 platform=2 version_policy=3 max_batch_size=4 input=5 output=6 instance_group=7 default_model_filename=8 cc_model_filenames=9 metric_tags=10 dynamic_batching=11 optimization=12 sequence_batching=13 parameters=14 ensemble_scheduling=15 model_warmup=16 backend=17 model_operations=18 model_transaction_policy=19 batch_input=20 batch_output=21 model_repository_agents=23 response_cache=24 runtime=25 model_metrics=26")]
    [InlineData("ModelInput", "name=1 data_type=2 format=3 dims=4 reshape=5 is_shape_tensor=6 allow_ragged_batch=7 optional=8 is_non_linear_format_io=9")]
    [InlineData("ModelOutput", "name=1 data_type=2 dims=3 label_filename=4 reshape=5 is_shape_tensor=6 is_non_linear_format_io=7")]
    [InlineData("ModelInstanceGroup", "name=1 count=2 gpus=3 kind=4 profile=5 rate_limiter=6 passive=7 secondary_devices=8 host_policy=9")]
    [InlineData("ModelDynamicBatching", "preferred_batch_size=1 max_queue_delay_microseconds=2 preserve_ordering=3 priority_levels=4 default_priority_level=5 default_queue_policy=6 priority_queue_policy=7")]
    [InlineData("ModelSequenceBatching", "max_sequence_idle_microseconds=1 control_input=2 direct=3 oldest=4 state=5 iterative_sequence=6")]
    [InlineData("ModelSequenceBatching.Control", "kind=1 int32_false_true=2 fp32_false_true=3 data_type=4 bool_false_true=5")]
    [InlineData("ModelEnsembling.Step", "model_name=1 model_version=2 input_map=3 output_map=4 model_namespace=5")]
    [InlineData("ModelWarmup.Input", "data_type=1 dims=2 zero_data=3 random_data=4 input_data_file=5")]
    [InlineData("ModelOptimizationPolicy", "graph=1 priority=2 cuda=3 execution_accelerators=4 input_pinned_memory=5 output_pinned_memory=6 gather_kernel_buffer_threshold=7 eager_batching=8")]
    public void FieldNumbersMatchTriton(string message, string fields)
    {
        var names = message.Split('.');
        var descriptor = names.Skip(1).Aggregate(
            ModelConfigReflection.Descriptor.MessageTypes.Single(m => m.Name == names[0]),
            (outer, name) => outer.NestedTypes.Single(m => m.Name == name));

        var actual = string.Join(' ', descriptor.Fields.InFieldNumberOrder().Select(f => $"{f.Name}={f.FieldNumber}"));

        Assert.Equal(fields, actual);
    }

    [Fact]
    public void DataTypeNumbersMatchTriton()
    {
        var values = string.Join(' ', ModelConfigReflection.Descriptor.EnumTypes.Single(e => e.Name == "DataType").Values.Select(v => $"{v.Name}={v.Number}"));

        Assert.Equal("TYPE_INVALID=0 TYPE_BOOL=1 TYPE_UINT8=2 TYPE_UINT16=3 TYPE_UINT32=4 TYPE_UINT64=5 TYPE_INT8=6 TYPE_INT16=7 TYPE_INT32=8 TYPE_INT64=9 TYPE_FP16=10 TYPE_FP32=11 TYPE_FP64=12 TYPE_STRING=13 TYPE_BF16=14", values);
    }
}
