using Microsoft.ML.OnnxRuntime;
using Modelport.Core.Backends;
using Modelport.Core.Configuration;

namespace Modelport.Backends.OnnxRuntime;

/// <summary>
/// A loaded model version: one session, shared by all its instances (one copy of the weights in memory), and the
/// completed config. Disposing it releases the session, so the instances must be done and disposed first.
/// </summary>
internal sealed class OnnxRuntimeModel(InferenceSession session, ModelConfig config, string modelName) : IBackendModel
{
    public ModelConfig Config => config;

    public IModelInstance CreateInstance() => new OnnxRuntimeInstance(session, modelName);

    public void Dispose() => session.Dispose();
}
