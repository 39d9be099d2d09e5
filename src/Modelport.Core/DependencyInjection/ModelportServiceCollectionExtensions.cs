using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Modelport.Core.Inference;
using Modelport.Core.Lifecycle;
using Modelport.Core.Repository;

namespace Modelport.Core.DependencyInjection;

public static class ModelportServiceCollectionExtensions
{
    /// <summary>Registers the model manager and the inference service over the given repositories.</summary>
    public static IModelportBuilder AddModelport(this IServiceCollection services, ModelRepositoryOptions options)
    {
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ModelManager>();
        services.TryAddSingleton<InferenceService>();
        return new ModelportBuilder(services);
    }
}
