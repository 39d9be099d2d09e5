using System.Buffers;
using System.Diagnostics;
using Modelport.Client.Http;

namespace Modelport.Cli.Perf;

/// <summary>Posts pre-built bodies to <c>/v2/models/{m}[/versions/{v}]/infer</c> over pooled keep-alive connections.</summary>
internal sealed class HttpSender : IInferSender
{
    // Big enough for most answers in one read; the body is drained and dropped, only its arrival is timed.
    private const int ReadBufferSize = 64 * 1024;

    private readonly HttpClient _http;
    private readonly Uri _infer;
    private readonly HttpPayload[] _payloads;

    public HttpSender(string url, string model, string? version, HttpPayload[] payloads)
    {
        // One connection per request in flight, kept for the whole run, as perf_analyzer's HTTP workers do.
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            MaxConnectionsPerServer = int.MaxValue,
            UseCookies = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _infer = new Uri(new Uri($"http://{url}/"), HttpPaths.Model(model, version) + "/infer");
        _payloads = payloads;
    }

    public async ValueTask<RequestOutcome> SendAsync(int step, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        using var content = new PayloadContent(_payloads[step]);
        using var request = new HttpRequestMessage(HttpMethod.Post, _infer) { Content = content };
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var answered = Stopwatch.GetTimestamp();
            if (!response.IsSuccessStatusCode)
            {
                var error = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                return RequestOutcome.Failed($"HTTP {(int)response.StatusCode}: {error}");
            }

            var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
            try
            {
                var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (body.ConfigureAwait(false))
                {
                    while (await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
                    {
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            return new RequestOutcome(null, content.SentAt - start, Stopwatch.GetTimestamp() - answered);
        }
        catch (HttpRequestException exception)
        {
            return RequestOutcome.Failed(exception.Message);
        }
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
