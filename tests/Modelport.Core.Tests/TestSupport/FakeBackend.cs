using System.Collections.Concurrent;
using Modelport.Core.Backends;
using Modelport.Core.Configuration;

namespace Modelport.Core.Tests.TestSupport;

/// <summary>
/// A backend without an engine. A model file whose text starts with <c>fail:</c> fails to load with the rest of the text
/// as the reason; anything else loads. What each model does and saw is in <see cref="Model"/>.
/// </summary>
internal sealed class FakeBackend : IModelBackend
{
    public const string FileName = "model.fake";
    public const string FailPrefix = "fail:";

    private readonly ConcurrentDictionary<string, FakeModelBehaviour> _models = new(StringComparer.Ordinal);

    public string Name => "fake";

    public IReadOnlyCollection<string> Platforms { get; } = ["fake_platform"];

    public string DefaultModelFileName => FileName;

    public FakeModelBehaviour Model(string name) => _models.GetOrAdd(name, static _ => new FakeModelBehaviour());

    public void ReleaseHolds()
    {
        foreach (var model in _models.Values)
        {
            model.ReleaseHolds();
        }
    }

    public async Task<IBackendModel> LoadAsync(BackendLoadContext context, CancellationToken cancellationToken)
    {
        var behaviour = Model(context.ModelName);
        var text = File.ReadAllText(context.ModelFilePath);
        await behaviour.BeginLoad(context.Version).WaitAsync(cancellationToken);
        if (text.StartsWith(FailPrefix, StringComparison.Ordinal))
        {
            throw new ModelLoadException(text[FailPrefix.Length..].Trim());
        }

        var model = new FakeModel(context.Version, FakeConfig.Complete(context.Config), behaviour);
        behaviour.Loaded.Enqueue(model);
        return model;
    }
}
