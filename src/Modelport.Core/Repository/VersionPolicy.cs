using Modelport.Core.Configuration;

namespace Modelport.Core.Repository;

/// <summary>Chooses the versions to serve from the version folders present, per Triton's <c>version_policy</c>.</summary>
internal static class VersionPolicy
{
    /// <summary>The versions to serve and, for <c>specific</c>, the listed versions that have no folder.</summary>
    public static (IReadOnlyList<long> Serve, IReadOnlyList<long> Missing) Select(ModelVersionPolicy? policy, IReadOnlyList<long> available)
    {
        switch (policy?.PolicyChoiceCase)
        {
            case ModelVersionPolicy.PolicyChoiceOneofCase.All:
                return (available, []);
            case ModelVersionPolicy.PolicyChoiceOneofCase.Specific:
                var listed = policy.Specific.Versions.Distinct().Order().ToList();
                return (listed.Where(available.Contains).ToList(), listed.Where(version => !available.Contains(version)).ToList());
            default:
                // Triton's default policy is latest { num_versions: 1 }; num_versions 0 means the same.
                var count = Math.Max(1, policy?.Latest?.NumVersions ?? 1);
                return (available.Order().TakeLast((int)count).ToList(), []);
        }
    }
}
