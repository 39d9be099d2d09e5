using Microsoft.Extensions.DependencyInjection;

namespace Modelport.Core.DependencyInjection;

/// <summary>Returned by <c>AddModelport</c> so backends register with <c>.AddOnnxRuntime()</c> and the like.</summary>
public interface IModelportBuilder
{
    IServiceCollection Services { get; }
}
