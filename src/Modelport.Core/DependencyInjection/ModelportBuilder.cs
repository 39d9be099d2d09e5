using Microsoft.Extensions.DependencyInjection;

namespace Modelport.Core.DependencyInjection;

internal sealed class ModelportBuilder(IServiceCollection services) : IModelportBuilder
{
    public IServiceCollection Services { get; } = services;
}
