namespace Modelport.Core.Repository;

/// <summary>Where models come from and when they are loaded.</summary>
public sealed record ModelRepositoryOptions
{
    public IReadOnlyList<string> RepositoryPaths { get; init; } = [];

    public ModelControlMode ControlMode { get; init; } = ModelControlMode.None;

    // Triton's default --repository-poll-secs is 15.
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Models to load at start in explicit mode (<c>--load-model</c>); "*" loads them all.</summary>
    public IReadOnlyList<string> StartupModels { get; init; } = [];

    /// <summary>
    /// Triton's strict readiness: the server is ready only while every model it was asked to serve is ready.
    /// </summary>
    public bool StrictReadiness { get; init; } = true;

    public void Validate()
    {
        if (RepositoryPaths.Count == 0)
        {
            throw new ArgumentException("at least one model repository path is required", nameof(RepositoryPaths));
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "the repository poll interval must be positive");
        }
    }
}
