using Modelport.Core.Configuration;

namespace Modelport.Core.Tests.Configuration;

/// <summary>Configurations as printed in Triton's own documentation and example repository.</summary>
public sealed class PbtxtDocExampleTests
{
    [Fact]
    public void SimpleModelFromTheExampleRepository()
    {
        const string text = """
            # The `simple` model of Triton's docs/examples/model_repository.
            name: "simple"
            platform: "onnxruntime_onnx"
            max_batch_size: 8
            input [
              {
                name: "INPUT0"
                data_type: TYPE_INT32
                dims: [ 16 ]
              },
              {
                name: "INPUT1"
                data_type: TYPE_INT32
                dims: [ 16 ]
              }
            ]
            output [
              {
                name: "OUTPUT0"
                data_type: TYPE_INT32
                dims: [ 16 ]
              },
              {
                name: "OUTPUT1"
                data_type: TYPE_INT32
                dims: [ 16 ]
              }
            ]
            """;

        var config = ModelConfigText.Parse(text);

        Assert.Equal("simple", config.Name);
        Assert.Equal("onnxruntime_onnx", config.Platform);
        Assert.Equal(8, config.MaxBatchSize);
        Assert.Equal(["INPUT0", "INPUT1"], config.Input.Select(i => i.Name));
        Assert.All(config.Input, i => Assert.Equal(DataType.TypeInt32, i.DataType));
        Assert.All(config.Input, i => Assert.Equal([16L], i.Dims));
        Assert.Equal(["OUTPUT0", "OUTPUT1"], config.Output.Select(o => o.Name));
        Assert.All(config.Output, o => Assert.Equal([16L], o.Dims));
    }

    [Fact]
    public void MinimalConfigurationWithAllVersionsPolicy()
    {
        const string text = """
              platform: "tensorrt_plan"
              max_batch_size: 8
              input [
                {
                  name: "input0"
                  data_type: TYPE_FP32
                  dims: [ 16 ]
                },
                {
                  name: "input1"
                  data_type: TYPE_FP32
                  dims: [ 16 ]
                }
              ]
              output [
                {
                  name: "output0"
                  data_type: TYPE_FP32
                  dims: [ 16 ]
                }
              ]
              version_policy: { all { }}
            """;

        var config = ModelConfigText.Parse(text);

        Assert.Equal("tensorrt_plan", config.Platform);
        Assert.Equal(2, config.Input.Count);
        Assert.Equal(DataType.TypeFp32, config.Output[0].DataType);
        Assert.Equal(ModelVersionPolicy.PolicyChoiceOneofCase.All, config.VersionPolicy.PolicyChoiceCase);
    }

    [Theory]
    [InlineData("version_policy: { latest: { num_versions: 2}}", 2u)]
    [InlineData("version_policy: { specific: { versions: [1,3]}}", 0u)]
    public void VersionPolicies(string text, uint latest)
    {
        var policy = ModelConfigText.Parse(text).VersionPolicy;

        if (latest > 0)
        {
            Assert.Equal(latest, policy.Latest.NumVersions);
        }
        else
        {
            Assert.Equal([1L, 3L], policy.Specific.Versions);
        }
    }

    [Fact]
    public void ReshapeToAnEmptyShapeAndShapeTensors()
    {
        const string text = """
              name: "myshapetensormodel"
              platform: "tensorrt_plan"
              max_batch_size: 8
              input [
                {
                  name: "input0"
                  data_type: TYPE_FP32
                  dims: [ 1 , 3]
                },
                {
                  name: "input1"
                  data_type: TYPE_INT32
                  dims: [ 2 ]
                  is_shape_tensor: true
                },
                {
                  name: "in"
                  dims: [ 1 ]
                  reshape: { shape: [ ] }
                }
              ]
            """;

        var config = ModelConfigText.Parse(text);

        Assert.Equal([1L, 3L], config.Input[0].Dims);
        Assert.True(config.Input[1].IsShapeTensor);
        Assert.NotNull(config.Input[2].Reshape);
        Assert.Empty(config.Input[2].Reshape.Shape);
    }

    [Fact]
    public void InstanceGroupsWithRateLimiterAndHostPolicy()
    {
        const string text = """
              instance_group [
                {
                  count: 1
                  kind: KIND_GPU
                  gpus: [ 0, 1, 2 ]
                  rate_limiter {
                    resources [
                      {
                        name: "R1"
                        count: 4
                      },
                      {
                        name: "R2"
                        global: True
                        count: 2
                      }
                    ]
                    priority: 2
                  }
                },
                {
                  count: 2
                  kind: KIND_CPU
                  host_policy: "policy_0"
                }
              ]
            """;

        var groups = ModelConfigText.Parse(text).InstanceGroup;

        Assert.Equal(ModelInstanceGroup.Types.Kind.Gpu, groups[0].Kind);
        Assert.Equal([0, 1, 2], groups[0].Gpus);
        var limiter = groups[0].RateLimiter;
        Assert.Equal(2u, limiter.Priority);
        Assert.Equal(("R1", false, 4u), (limiter.Resources[0].Name, limiter.Resources[0].Global, limiter.Resources[0].Count));
        Assert.Equal(("R2", true, 2u), (limiter.Resources[1].Name, limiter.Resources[1].Global, limiter.Resources[1].Count));
        Assert.Equal(ModelInstanceGroup.Types.Kind.Cpu, groups[1].Kind);
        Assert.Equal(2, groups[1].Count);
        Assert.Equal("policy_0", groups[1].HostPolicy);
    }

    [Fact]
    public void CcModelFilenamesAsAListOfMapEntries()
    {
        const string text = """
            cc_model_filenames [
              {
                key: "7.5"
                value: "resnet50_T4.plan"
              },
              {
                key: "8.0"
                value: "resnet50_A100.plan"
              }
            ]
            response_cache {
              enable: true
            }
            """;

        var config = ModelConfigText.Parse(text);

        Assert.Equal("resnet50_T4.plan", config.CcModelFilenames["7.5"]);
        Assert.Equal("resnet50_A100.plan", config.CcModelFilenames["8.0"]);
        Assert.True(config.ResponseCache.Enable);
    }

    [Fact]
    public void DynamicBatchingWithPriorityQueuePolicy()
    {
        // Shape of Triton's qa/L0_batcher priority test config.
        const string text = """
            dynamic_batching {
                preferred_batch_size: [ 4, 8, 32 ]
                max_queue_delay_microseconds: 10000000
                priority_levels: 2
                default_priority_level: 2
                default_queue_policy {
                    timeout_action: DELAY
                    allow_timeout_override: true
                    default_timeout_microseconds: 11000000
                }
                priority_queue_policy {
                    key: 2
                    value: {
                        timeout_action: REJECT
                        allow_timeout_override: true
                        default_timeout_microseconds: 11000000
                        max_queue_size: 8
                    }
                }
            }
            """;

        var batching = ModelConfigText.Parse(text).DynamicBatching;

        Assert.Equal([4, 8, 32], batching.PreferredBatchSize);
        Assert.Equal(10_000_000ul, batching.MaxQueueDelayMicroseconds);
        Assert.Equal(2ul, batching.PriorityLevels);
        Assert.Equal(2ul, batching.DefaultPriorityLevel);
        Assert.Equal(ModelQueuePolicy.Types.TimeoutAction.Delay, batching.DefaultQueuePolicy.TimeoutAction);
        Assert.True(batching.DefaultQueuePolicy.AllowTimeoutOverride);
        var level2 = batching.PriorityQueuePolicy[2];
        Assert.Equal(ModelQueuePolicy.Types.TimeoutAction.Reject, level2.TimeoutAction);
        Assert.Equal(11_000_000ul, level2.DefaultTimeoutMicroseconds);
        Assert.Equal(8u, level2.MaxQueueSize);
    }

    [Fact]
    public void DirectSequenceBatcherWithControlInputs()
    {
        const string text = """
            name: "direct_stateful_model"
            platform: "tensorrt_plan"
            max_batch_size: 2
            sequence_batching {
              max_sequence_idle_microseconds: 5000000
              direct { }
              control_input [
                {
                  name: "START"
                  control [
                    {
                      kind: CONTROL_SEQUENCE_START
                      fp32_false_true: [ 0, 1 ]
                    }
                  ]
                },
                {
                  name: "READY"
                  control [
                    {
                      kind: CONTROL_SEQUENCE_READY
                      fp32_false_true: [ 0, 1 ]
                    }
                  ]
                }
              ]
            }
            input [
              {
                name: "INPUT"
                data_type: TYPE_FP32
                dims: [ 100, 100 ]
              }
            ]
            output [
              {
                name: "OUTPUT"
                data_type: TYPE_FP32
                dims: [ 10 ]
              }
            ]
            instance_group [
              {
                count: 2
              }
            ]
            """;

        var config = ModelConfigText.Parse(text);
        var sequence = config.SequenceBatching;

        Assert.Equal(ModelConfig.SchedulingChoiceOneofCase.SequenceBatching, config.SchedulingChoiceCase);
        Assert.Equal(5_000_000ul, sequence.MaxSequenceIdleMicroseconds);
        Assert.Equal(ModelSequenceBatching.StrategyChoiceOneofCase.Direct, sequence.StrategyChoiceCase);
        Assert.Equal(["START", "READY"], sequence.ControlInput.Select(c => c.Name));
        var start = sequence.ControlInput[0].Control.Single();
        Assert.Equal(ModelSequenceBatching.Types.Control.Types.Kind.ControlSequenceStart, start.Kind);
        Assert.Equal([0f, 1f], start.Fp32FalseTrue);
        Assert.Equal(ModelSequenceBatching.Types.Control.Types.Kind.ControlSequenceReady, sequence.ControlInput[1].Control[0].Kind);
        Assert.Equal(2, config.InstanceGroup.Single().Count);
    }

    [Fact]
    public void OldestSequenceBatcherWithCorrelationId()
    {
        const string text = """
            name: "oldest_stateful_model"
            platform: "tensorflow_savedmodel"
            max_batch_size: 2
            sequence_batching {
              max_sequence_idle_microseconds: 5000000
              oldest
                {
                  max_candidate_sequences: 4
                }
              control_input [
                {
                  name: "START"
                  control [
                    {
                      kind: CONTROL_SEQUENCE_START
                      fp32_false_true: [ 0, 1 ]
                    }
                  ]
                },
                {
                  name: "END"
                  control [
                    {
                      kind: CONTROL_SEQUENCE_END
                      fp32_false_true: [ 0, 1 ]
                    }
                  ]
                },
                {
                  name: "CORRID"
                  control [
                    {
                      kind: CONTROL_SEQUENCE_CORRID
                      data_type: TYPE_UINT64
                    }
                  ]
                }
              ]
            }
            """;

        var sequence = ModelConfigText.Parse(text).SequenceBatching;

        Assert.Equal(4, sequence.Oldest.MaxCandidateSequences);
        var corrid = sequence.ControlInput[2].Control.Single();
        Assert.Equal(ModelSequenceBatching.Types.Control.Types.Kind.ControlSequenceCorrid, corrid.Kind);
        Assert.Equal(DataType.TypeUint64, corrid.DataType);
    }

    [Fact]
    public void ImplicitStateWithInitialState()
    {
        const string text = """
            sequence_batching {
              state [
                {
                  input_name: "INPUT_STATE"
                  output_name: "OUTPUT_STATE"
                  data_type: TYPE_INT32
                  dims: [ -1 ]
                  initial_state: {
                   data_type: TYPE_INT32
                   dims: [ 1 ]
                   zero_data: true
                   name: "initial state"
                  }
                }
              ]
            }
            """;

        var state = ModelConfigText.Parse(text).SequenceBatching.State.Single();

        Assert.Equal(("INPUT_STATE", "OUTPUT_STATE"), (state.InputName, state.OutputName));
        Assert.Equal([-1L], state.Dims);
        var initial = state.InitialState.Single();
        Assert.Equal(ModelSequenceBatching.Types.InitialState.StateDataOneofCase.ZeroData, initial.StateDataCase);
        Assert.Equal("initial state", initial.Name);
    }

    [Fact]
    public void EnsembleWithInputAndOutputMaps()
    {
        const string text = """
            name: "ensemble_model"
            platform: "ensemble"
            max_batch_size: 1
            input [
              {
                name: "IMAGE"
                data_type: TYPE_STRING
                dims: [ 1 ]
              }
            ]
            output [
              {
                name: "CLASSIFICATION"
                data_type: TYPE_FP32
                dims: [ 1000 ]
              },
              {
                name: "SEGMENTATION"
                data_type: TYPE_FP32
                dims: [ 3, 224, 224 ]
              }
            ]
            ensemble_scheduling {
              step [
                {
                  model_name: "image_preprocess_model"
                  model_version: -1
                  input_map {
                    key: "RAW_IMAGE"
                    value: "IMAGE"
                  }
                  output_map {
                    key: "PREPROCESSED_OUTPUT"
                    value: "preprocessed_image"
                  }
                },
                {
                  model_name: "classification_model"
                  model_version: -1
                  input_map {
                    key: "FORMATTED_IMAGE"
                    value: "preprocessed_image"
                  }
                  output_map {
                    key: "CLASSIFICATION_OUTPUT"
                    value: "CLASSIFICATION"
                  }
                },
                {
                  model_name: "segmentation_model"
                  model_version: -1
                  input_map {
                    key: "FORMATTED_IMAGE"
                    value: "preprocessed_image"
                  }
                  output_map {
                    key: "SEGMENTATION_OUTPUT"
                    value: "SEGMENTATION"
                  }
                }
              ]
            }
            """;

        var config = ModelConfigText.Parse(text);
        var steps = config.EnsembleScheduling.Step;

        Assert.Equal(DataType.TypeString, config.Input[0].DataType);
        Assert.Equal(["image_preprocess_model", "classification_model", "segmentation_model"], steps.Select(s => s.ModelName));
        Assert.All(steps, s => Assert.Equal(-1L, s.ModelVersion));
        Assert.Equal("IMAGE", steps[0].InputMap["RAW_IMAGE"]);
        Assert.Equal("preprocessed_image", steps[0].OutputMap["PREPROCESSED_OUTPUT"]);
        Assert.Equal("SEGMENTATION", steps[2].OutputMap["SEGMENTATION_OUTPUT"]);
    }

    [Fact]
    public void ExecutionAcceleratorsWithParameters()
    {
        // The TF-TRT example of Triton's optimization guide, with ONNX Runtime's OpenVINO on CPU.
        const string text = """
            optimization { execution_accelerators {
              gpu_execution_accelerator : [ {
                name : "tensorrt"
                parameters { key: "precision_mode" value: "FP16" }
                parameters { key: "max_workspace_size_bytes" value: "1073741824" }
                }]
              cpu_execution_accelerator : [ { name : "openvino" } ]
            }}
            """;

        var accelerators = ModelConfigText.Parse(text).Optimization.ExecutionAccelerators;

        var tensorrt = accelerators.GpuExecutionAccelerator.Single();
        Assert.Equal("tensorrt", tensorrt.Name);
        Assert.Equal("FP16", tensorrt.Parameters["precision_mode"]);
        Assert.Equal("1073741824", tensorrt.Parameters["max_workspace_size_bytes"]);
        Assert.Equal("openvino", accelerators.CpuExecutionAccelerator.Single().Name);
    }

    [Fact]
    public void OnnxRuntimeParametersAndGraphLevel()
    {
        const string text = """
            backend: "onnxruntime"
            optimization { graph : { level : 1 } }
            parameters { key: "intra_op_thread_count" value: { string_value: "0" } }
            parameters { key: "execution_mode" value: { string_value: "0" } }
            parameters { key: "enable_mem_arena" value: { string_value: "1" } }
            """;

        var config = ModelConfigText.Parse(text);

        Assert.Equal(1, config.Optimization.Graph.Level);
        Assert.Equal("0", config.Parameters["intra_op_thread_count"].StringValue);
        Assert.Equal("1", config.Parameters["enable_mem_arena"].StringValue);
        Assert.Equal(3, config.Parameters.Count);
    }

    [Fact]
    public void ModelWarmupWithRepeatedScalarLines()
    {
        // Shape of Triton's qa/L0_warmup samples: `dims: 16` lines, `name :` with a space.
        const string text = """
            model_warmup [{
                name : "regular sample"
                batch_size: 1
                inputs {
                    key: "INPUT0"
                    value: {
                        data_type: TYPE_FP32
                        dims: 16
                        zero_data: true
                    }
                }
                inputs {
                    key: "INPUT1"
                    value: {
                        data_type: TYPE_FP32
                        dims: 4
                        dims: 4
                        random_data: true
                    }
                }
                count: 2
            },
            {
                name : "file sample"
                batch_size: 1
                inputs {
                    key: "INPUT0"
                    value: {
                        data_type: TYPE_STRING
                        dims: 1
                        input_data_file: "raw_string_data"
                    }
                }
            }]
            model_transaction_policy {
              decoupled: True
            }
            """;

        var config = ModelConfigText.Parse(text);
        var regular = config.ModelWarmup[0];

        Assert.Equal("regular sample", regular.Name);
        Assert.Equal(2u, regular.Count);
        Assert.Equal([16L], regular.Inputs["INPUT0"].Dims);
        Assert.Equal(ModelWarmup.Types.Input.InputDataTypeOneofCase.ZeroData, regular.Inputs["INPUT0"].InputDataTypeCase);
        Assert.Equal([4L, 4L], regular.Inputs["INPUT1"].Dims);
        Assert.True(regular.Inputs["INPUT1"].RandomData);
        Assert.Equal("raw_string_data", config.ModelWarmup[1].Inputs["INPUT0"].InputDataFile);
        Assert.True(config.ModelTransactionPolicy.Decoupled);
    }
}
