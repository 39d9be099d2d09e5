using System.Net;
using System.Text;
using Google.Protobuf;

namespace Modelport.Server.Tests.TorchServe;

public sealed class RegistrationTests : IAsyncLifetime
{
    private static readonly byte[] ScaleByTwo = TestModels.Scale(2).Build().ToByteArray();

    private ManagementServer _server = null!;

    public async Task InitializeAsync() => _server = await ManagementServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Registering_a_triton_folder_of_the_store_synchronously_serves_it_at_once()
    {
        _server.Store.WriteBytes("doubler/1/model.onnx", ScaleByTwo);

        var (status, body) = await RegisterAsync("url=doubler&initial_workers=1&synchronous=true");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Model \"doubler\" Version: 1 registered with 1 initial workers", body!["status"]!.GetValue<string>());
        Assert.Equal("[[2,4,6,8]]", await PredictAsync("doubler"));
    }

    [Fact]
    public async Task A_folder_with_a_bare_model_onnx_becomes_version_1_under_model_name()
    {
        _server.Store.WriteBytes("exported/model.onnx", ScaleByTwo);

        var (status, _) = await RegisterAsync("url=exported&model_name=scaler&synchronous=true");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("[[2,4,6,8]]", await PredictAsync("scaler/1"));
        Assert.True(File.Exists(Path.Combine(_server.RegisteredRoot, "scaler", "1", "model.onnx")));
    }

    [Theory]
    [InlineData("packed.zip")]
    [InlineData("packed.mar")]
    public async Task A_zip_or_mar_archive_of_the_store_is_extracted_and_served_named_after_the_file(string archive)
    {
        _server.WriteZip(archive, ("MAR-INF/MANIFEST.json", "{}"u8.ToArray()), ("model.onnx", ScaleByTwo));

        var (status, _) = await RegisterAsync($"url={archive}&synchronous=true");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("[[2,4,6,8]]", await PredictAsync("packed"));
    }

    [Fact]
    public async Task An_asynchronous_registration_answers_202_and_the_model_serves_once_loaded()
    {
        _server.Store.WriteBytes("later/1/model.onnx", ScaleByTwo);

        var (status, body) = await RegisterAsync("url=later");
        await _server.Server.WaitUntilAsync(() => _server.Server.Models.ReadyVersions("later").Count == 1);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("Processing worker updates...", body!["status"]!.GetValue<string>());
        Assert.Equal("[[2,4,6,8]]", await PredictAsync("later"));
    }

    [Fact]
    public async Task Workers_batch_size_and_delay_become_the_instance_count_and_dynamic_batching()
    {
        _server.Store.WriteBytes("batched/1/model.onnx", ScaleByTwo);

        await RegisterAsync("url=batched&initial_workers=2&batch_size=4&max_batch_delay=5&synchronous=true");
        using var lease = _server.Server.Models.Acquire("batched", null).Value;
        var (_, described) = await _server.Management.SendAsync(HttpMethod.Get, "/models/batched");

        Assert.Equal(4, lease.Handle.Config.MaxBatchSize);
        Assert.Equal(5000ul, lease.Handle.Config.DynamicBatching.MaxQueueDelayMicroseconds);
        Assert.Equal(2, Assert.Single(lease.Handle.Config.InstanceGroup).Count);
        Assert.Equal(2, described![0]!["minWorkers"]!.GetValue<int>());
        Assert.Equal(4, described[0]!["batchSize"]!.GetValue<int>());
        Assert.Equal(5, described[0]!["maxBatchDelay"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("doubler")]
    [InlineData("simple")]
    public async Task A_name_already_taken_is_a_conflict(string name)
    {
        _server.Store.WriteBytes("doubler/1/model.onnx", ScaleByTwo);
        await RegisterAsync("url=doubler&synchronous=true");

        var (status, body) = await RegisterAsync($"url=doubler&model_name={name}&synchronous=true");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(("ConflictStatusException", $"Model {name} is already registered."), TorchServeJson.ErrorOf(status, body));
    }

    public static TheoryData<string, string> RefusedUrls => new()
    {
        { "https://torchserve.pytorch.org/mar_files/squeezenet1_1.mar", "Modelport never downloads models" },
        { "http://169.254.169.254/latest/meta-data", "Modelport never downloads models" },
        { "file:///etc/passwd", "Modelport never downloads models" },
        { "s3://bucket/model.mar", "Modelport never downloads models" },
        { "/etc", "is an absolute path" },
        { "../outside", "has a '..', '.' or hidden segment" },
        { "doubler/../../outside", "has a '..', '.' or hidden segment" },
        { ".modelport-registered/simple", "has a '..', '.' or hidden segment" },
        { "", "Parameter url is required." },
    };

    [Theory]
    [MemberData(nameof(RefusedUrls))]
    public async Task Urls_absolute_paths_and_dot_dot_are_refused_and_nothing_is_registered(string url, string expected)
    {
        _server.Store.WriteBytes("doubler/1/model.onnx", ScaleByTwo);

        var (status, body) = await RegisterAsync($"url={Uri.EscapeDataString(url)}&model_name=refused&synchronous=true");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, TorchServeJson.ErrorOf(status, body).Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_server.RegisteredRoot));
    }

    [Fact]
    public async Task A_folder_link_that_leads_out_of_the_store_is_refused()
    {
        using var outside = new TempRepository();
        outside.WriteBytes("secret/1/model.onnx", ScaleByTwo);
        Directory.CreateSymbolicLink(Path.Combine(_server.Store.Path, "innocent"), outside.ModelFolder("secret"));

        var (status, body) = await RegisterAsync("url=innocent&synchronous=true");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("url 'innocent' leads out of the model store through a link", TorchServeJson.ErrorOf(status, body).Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_server.RegisteredRoot));
    }

    [Fact]
    public async Task A_file_link_inside_a_registered_folder_that_leads_out_of_the_store_is_refused()
    {
        using var outside = new TempRepository();
        outside.WriteBytes("weights.onnx", ScaleByTwo);
        Directory.CreateDirectory(Path.Combine(_server.Store.Path, "linked", "1"));
        File.CreateSymbolicLink(Path.Combine(_server.Store.Path, "linked", "1", "model.onnx"), Path.Combine(outside.Path, "weights.onnx"));

        var (status, body) = await RegisterAsync("url=linked&synchronous=true");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("'1/model.onnx' in the registered folder is a link that leads out of the model store", TorchServeJson.ErrorOf(status, body).Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_server.RegisteredRoot));
    }

    [Fact]
    public async Task An_archive_entry_that_would_escape_its_folder_is_refused_before_anything_is_written()
    {
        _server.WriteZip("slip.zip", ("model.onnx", ScaleByTwo), ("../../escaped.txt", "pwned"u8.ToArray()));

        var (status, body) = await RegisterAsync("url=slip.zip&synchronous=true");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(
            "archive 'slip.zip' has the entry '../../escaped.txt', which would be written outside its model folder",
            TorchServeJson.ErrorOf(status, body).Message);
        Assert.False(File.Exists(Path.Combine(_server.Store.Path, "escaped.txt")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_server.RegisteredRoot));
    }

    [Fact]
    public async Task A_model_that_fails_to_load_is_unregistered_so_its_name_stays_free()
    {
        _server.Store.WriteBytes("broken/1/model.onnx", Encoding.UTF8.GetBytes("not an ONNX model"));
        _server.Store.WriteBytes("fixed/1/model.onnx", ScaleByTwo);

        var (status, _) = await RegisterAsync("url=broken&synchronous=true");
        var (retried, _) = await RegisterAsync("url=fixed&model_name=broken&synchronous=true");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(HttpStatusCode.OK, retried);
        Assert.Equal("[[2,4,6,8]]", await PredictAsync("broken"));
    }

    private Task<(HttpStatusCode Status, System.Text.Json.Nodes.JsonNode? Body)> RegisterAsync(string query) =>
        _server.Management.SendAsync(HttpMethod.Post, "/models?" + query);

    private async Task<string> PredictAsync(string path)
    {
        using var content = new StringContent("[[1,2,3,4]]", Encoding.UTF8, "application/json");
        var (status, body) = await _server.Inference.SendAsync(HttpMethod.Post, "/predictions/" + path, content);
        Assert.Equal(HttpStatusCode.OK, status);
        return body!.ToJsonString();
    }
}
