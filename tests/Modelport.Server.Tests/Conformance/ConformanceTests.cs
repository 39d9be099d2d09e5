namespace Modelport.Server.Tests.Conformance;

/// <summary>
/// ONNX's backend conformance cases through the server: each case's model is loaded, every data set inferred over
/// v2 REST and compared with onnx's tolerances, then unloaded. A case fails through the server only when
/// <see cref="KnownFailures"/> lists it, and a listed case must still fail, so the list cannot go stale.
/// </summary>
public sealed class ConformanceTests(ConformanceServerFixture fixture) : IClassFixture<ConformanceServerFixture>
{
    public static TheoryData<string> CaseIds => [.. ConformanceData.Cases.Select(conformanceCase => conformanceCase.Id)];

    [Fact]
    public void Data_folder_holds_at_least_1000_cases()
    {
        Assert.True(Directory.Exists(ConformanceData.Root), $"{ConformanceData.Root} is missing: install Debian's libonnx-testdata (scripts/setup does)");
        Assert.True(ConformanceData.Cases.Count >= 1000, $"only {ConformanceData.Cases.Count} cases under {ConformanceData.Root}");
    }

    [Fact]
    public void Every_known_failure_is_a_case_of_the_catalogue()
    {
        var caseIds = ConformanceData.Cases.Select(conformanceCase => conformanceCase.Id).ToHashSet(StringComparer.Ordinal);

        Assert.Subset(caseIds, KnownFailures.Cases.Keys.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void Exactly_the_cases_with_non_tensor_values_are_listed_as_such()
    {
        var withNonTensorValues = ConformanceData.Cases.Where(conformanceCase => CaseData.Load(conformanceCase).NonTensorValues.Count > 0).Select(conformanceCase => conformanceCase.Id);
        var listed = KnownFailures.Cases.Where(entry => entry.Value.Category == FailureCategory.NonTensorValue).Select(entry => entry.Key);

        Assert.Equal(withNonTensorValues.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public async Task Case_passes_through_the_server_unless_listed(string caseId)
    {
        var conformanceCase = ConformanceData.Get(caseId);

        var serverFailure = await fixture.Runner.RunAsync(conformanceCase, CaseData.Load(conformanceCase));

        if (!KnownFailures.Cases.TryGetValue(caseId, out var known))
        {
            Assert.True(serverFailure is null, serverFailure is null ? null : Explain(conformanceCase, serverFailure));
            return;
        }

        Assert.True(serverFailure is not null, $"listed as a known failure ({known.Reason}) but passes through the server: remove it from {nameof(KnownFailures)}");
        if (known.Category != FailureCategory.NonTensorValue)
        {
            Assert.True(
                InProcessRunner.Run(conformanceCase) is not null,
                $"listed as a known failure ({known.Reason}) but passes in-process and fails only through the server, a server bug: {serverFailure}");
        }
    }

    private static string Explain(ConformanceCase conformanceCase, string serverFailure) =>
        InProcessRunner.Run(conformanceCase) is { } inProcessFailure
            ? $"fails through the server ({serverFailure}) and in-process ({inProcessFailure}): list it in {nameof(KnownFailures)} with its reason"
            : $"passes in-process but fails through the server, a server bug: {serverFailure}";
}
