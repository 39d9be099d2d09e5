using System.Collections.Concurrent;
using System.Net;
using Modelport.Core.Repository;
using Modelport.Server.Tests.TestSupport;

namespace Modelport.Server.Tests.Repository;

public sealed class PollingTests : IAsyncLifetime
{
    private readonly TempRepository _repository = new();
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        _repository.WriteModel("swap", 1, TestModels.Scale(2)).WriteModel("doomed", 1, TestModels.Scale(1));
        _server = await TestServer.StartAsync(new ModelRepositoryOptions
        {
            RepositoryPaths = [_repository.Path],
            ControlMode = ModelControlMode.Poll,
            PollInterval = TimeSpan.FromMilliseconds(200),
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _repository.Dispose();
    }

    [Fact]
    public async Task A_new_version_replaces_the_old_under_load_without_a_failed_request()
    {
        var failures = new ConcurrentQueue<string>();
        var versionsSeen = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var (status, body) = await _server.Client.PostAsync("/v2/models/swap/infer", TestModels.ScaleRequest);
                if (status != HttpStatusCode.OK)
                {
                    failures.Enqueue($"{status}: {body}");
                    continue;
                }

                versionsSeen.Enqueue(body!["model_version"]!.GetValue<string>());
            }
        })).ToList();

        await _server.WaitUntilAsync(() => versionsSeen.Count > 20);
        WriteVersionAtomically("swap", 2, TestModels.Scale(3));
        await _server.WaitUntilAsync(() => versionsSeen.Contains("2"));
        Directory.Delete(Path.Combine(_repository.Path, "swap", "1"), recursive: true);
        var servedBeforeRemoval = versionsSeen.Count;
        await _server.WaitUntilAsync(() => versionsSeen.Count > servedBeforeRemoval + 50);
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        Assert.Empty(failures);
        var sequence = versionsSeen.ToList();
        Assert.Equal("1", sequence[0]);
        Assert.Equal("2", sequence[^1]);
        var firstOfNew = sequence.IndexOf("2");
        Assert.True(sequence.Skip(firstOfNew + 200).All(version => version == "2"), "once version 2 serves, version 1 stops serving");
    }

    [Fact]
    public async Task A_changed_config_reloads_and_a_removed_model_unloads()
    {
        _repository.WriteFile("swap/config.pbtxt", "max_batch_size: 3\n");
        await WaitForAsync(async () => (await _server.Client.GetJsonAsync("/v2/models/swap/config")).Body?["max_batch_size"]?.GetValue<int>() == 3);

        Directory.Delete(_repository.ModelFolder("doomed"), recursive: true);
        await WaitForAsync(async () => await _server.StatusOfAsync("/v2/models/doomed/ready") == HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_new_version_that_fails_to_load_leaves_the_old_one_serving()
    {
        _repository.WriteBytes("swap/5/model.onnx", "corrupt"u8.ToArray());
        await WaitForAsync(async () =>
        {
            var (_, index) = await _server.Client.PostAsync("/v2/repository/index", "{}");
            return index!.AsArray().Any(row => row!["name"]!.GetValue<string>() == "swap" && row["version"]?.GetValue<string>() == "5"
                && row["state"]!.GetValue<string>() == "UNAVAILABLE");
        });

        var (status, body) = await _server.Client.PostAsync("/v2/models/swap/infer", TestModels.ScaleRequest);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("1", body!["model_version"]!.GetValue<string>());
    }

    /// <summary>Builds the version folder beside the repository and moves it in whole, as a deployment tool should.</summary>
    private void WriteVersionAtomically(string model, long version, Onnx.OnnxModelBuilder builder)
    {
        var staging = Directory.CreateTempSubdirectory("modelport-staging-").FullName;
        builder.WriteTo(Path.Combine(staging, "model.onnx"));
        Directory.Move(staging, Path.Combine(_repository.ModelFolder(model), version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the repository change was not applied within 30 s");
            await Task.Delay(50);
        }
    }
}
