using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Modelport.Core.Backends;
using Modelport.Core.DependencyInjection;

namespace Modelport.Backends.OnnxRuntime;

public static class OnnxRuntimeModelportBuilderExtensions
{
    /// <summary>Adds the ONNX Runtime backend, which serves <c>onnxruntime_onnx</c> models (<c>model.onnx</c>).</summary>
    public static IModelportBuilder AddOnnxRuntime(this IModelportBuilder builder)
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelBackend, OnnxRuntimeBackend>());
        return builder;
    }
}
