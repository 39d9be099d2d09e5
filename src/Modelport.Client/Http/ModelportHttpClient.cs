using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Modelport.Client.Http;

namespace Modelport.Client;

/// <summary>
/// A client of the KServe v2 REST protocol with Triton's binary tensor data, model configuration, repository and system
/// shared memory extensions. Thread-safe; keep one per server for the life of the application, as with <see cref="HttpClient"/>.
/// </summary>
public sealed partial class ModelportHttpClient : IInferenceClient
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttpClient;
    private readonly Uri _baseAddress;
    private readonly ModelportHttpClientOptions _options;

    /// <summary>A client with its own <see cref="HttpClient"/>, disposed with this client.</summary>
    /// <param name="baseAddress">The server's address, such as <c>http://localhost:8000</c>.</param>
    /// <param name="options">How to talk to the server; null for the defaults.</param>
    public ModelportHttpClient(Uri baseAddress, ModelportHttpClientOptions? options = null)
        : this(new HttpClient(), baseAddress, ownsHttpClient: true, options)
    {
    }

    /// <summary>A client over an <see cref="HttpClient"/> whose <see cref="HttpClient.BaseAddress"/> is the server; the caller keeps owning it.</summary>
    /// <param name="httpClient">The HTTP client, for example one from <c>IHttpClientFactory</c>.</param>
    /// <param name="options">How to talk to the server; null for the defaults.</param>
    public ModelportHttpClient(HttpClient httpClient, ModelportHttpClientOptions? options = null)
        : this(
            httpClient ?? throw new ArgumentNullException(nameof(httpClient)),
            httpClient.BaseAddress ?? throw new ArgumentException("the HttpClient needs a BaseAddress: the server's address", nameof(httpClient)),
            ownsHttpClient: false,
            options)
    {
    }

    private ModelportHttpClient(HttpClient http, Uri baseAddress, bool ownsHttpClient, ModelportHttpClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException($"the server address must be absolute, not '{baseAddress}'", nameof(baseAddress));
        }

        _http = http;
        _ownsHttpClient = ownsHttpClient;
        // A trailing slash keeps a path prefix (http://host/serving/) when the v2 paths are resolved against it.
        _baseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _options = options ?? new ModelportHttpClientOptions();
    }

    /// <inheritdoc/>
    public Task<bool> IsServerLiveAsync(CancellationToken cancellationToken = default) => IsOkAsync(HttpPaths.Live, cancellationToken);

    /// <inheritdoc/>
    public Task<bool> IsServerReadyAsync(CancellationToken cancellationToken = default) => IsOkAsync(HttpPaths.Ready, cancellationToken);

    /// <inheritdoc/>
    public Task<bool> IsModelReadyAsync(string model, string? version = null, CancellationToken cancellationToken = default) =>
        IsOkAsync(HttpPaths.Model(model, version) + "/ready", cancellationToken);

    /// <inheritdoc/>
    public async Task<ServerMetadata> GetServerMetadataAsync(CancellationToken cancellationToken = default) =>
        await GetJsonAsync(HttpMethod.Get, HttpPaths.Server, content: null, "server metadata", MetadataJson.ReadServer, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<ModelMetadata> GetModelMetadataAsync(string model, string? version = null, CancellationToken cancellationToken = default) =>
        await GetJsonAsync(HttpMethod.Get, HttpPaths.Model(model, version), content: null, "model metadata", MetadataJson.ReadModel, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<JsonElement> GetModelConfigAsync(string model, string? version = null, CancellationToken cancellationToken = default) =>
        await GetJsonAsync(HttpMethod.Get, HttpPaths.Model(model, version) + "/config", content: null, "model config", root => root.Clone(), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<InferResult> InferAsync(string model, InferRequest request, string? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = HttpPaths.Model(model, version) + "/infer";
        using var content = new InferRequestContent(request, _options.BinaryData);
        using var response = await SendAsync(HttpMethod.Post, path, content, cancellationToken).ConfigureAwait(false);
        await HttpErrors.ThrowIfFailedAsync(response, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return InferResponseReader.Read(body, HeaderLength(response), request.Outputs);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            throw HttpErrors.Malformed("infer response", exception);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RepositoryModel>> GetRepositoryIndexAsync(bool readyOnly = false, CancellationToken cancellationToken = default)
    {
        using var content = JsonContent(readyOnly ? """{"ready":true}""" : "{}");
        return await GetJsonAsync(HttpMethod.Post, HttpPaths.RepositoryIndex, content, "repository index", MetadataJson.ReadIndex, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task LoadModelAsync(string model, string? configJson = null, CancellationToken cancellationToken = default)
    {
        using var content = JsonContent(configJson is null ? "{}" : LoadBody(configJson));
        using var response = await SendAsync(HttpMethod.Post, HttpPaths.Repository(model, "load"), content, cancellationToken).ConfigureAwait(false);
        await HttpErrors.ThrowIfFailedAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task UnloadModelAsync(string model, CancellationToken cancellationToken = default)
    {
        using var content = JsonContent("{}");
        using var response = await SendAsync(HttpMethod.Post, HttpPaths.Repository(model, "unload"), content, cancellationToken).ConfigureAwait(false);
        await HttpErrors.ThrowIfFailedAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Disposes the <see cref="HttpClient"/> if this client created it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _http.Dispose();
        }
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Triton's load request carries the config override as a JSON string in the <c>config</c> parameter.</summary>
    private static string LoadBody(string configJson)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("parameters");
            writer.WriteString("config", configJson);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static int? HeaderLength(HttpResponseMessage response) =>
        response.Headers.TryGetValues(V2Http.InferenceHeaderContentLength, out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            ? length
            : null;

    /// <summary>
    /// Health answers with the status: 200 is ready, 503 (not ready) and 404 (no such model) are not, as gRPC answers
    /// false for both; anything else, such as a version that is not a number, is an error.
    /// </summary>
    private async Task<bool> IsOkAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, content: null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.NotFound)
        {
            return false;
        }

        await HttpErrors.ThrowIfFailedAsync(response, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<T> GetJsonAsync<T>(HttpMethod method, string path, HttpContent? content, string what, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, content, cancellationToken).ConfigureAwait(false);
        await HttpErrors.ThrowIfFailedAsync(response, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(body);
            return read(document.RootElement);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw HttpErrors.Malformed(what, exception);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_baseAddress, path)) { Content = content };
        try
        {
            return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new InferenceServerException(ErrorKind.Unavailable, $"cannot reach the server at {_baseAddress}: {exception.Message}", null, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested && exception.InnerException is TimeoutException)
        {
            throw new InferenceServerException(ErrorKind.DeadlineExceeded, $"the server at {_baseAddress} did not answer within {_http.Timeout}", null, exception);
        }
    }
}
