using Modelport.Core.Configuration;

namespace Modelport.Core.Tests.TestSupport;

/// <summary>Completes a config as a real backend would from the model file: platform, and one INT32 input and output.</summary>
internal static class FakeConfig
{
    public static ModelConfig Complete(ModelConfig written)
    {
        var config = written.Clone();
        if (config.Platform.Length == 0 && config.Backend.Length == 0)
        {
            config.Platform = "fake_platform";
        }

        if (config.Input.Count == 0 && config.Output.Count == 0)
        {
            config.Input.Add(new ModelInput { Name = "INPUT0", DataType = DataType.TypeInt32, Dims = { -1 } });
            config.Output.Add(new ModelOutput { Name = "OUTPUT0", DataType = DataType.TypeInt32, Dims = { -1 } });
        }

        return config;
    }
}
