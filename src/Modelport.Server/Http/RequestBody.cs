using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Modelport.Core.Errors;

namespace Modelport.Server.Http;

/// <summary>
/// A request body read whole into a pooled buffer. The buffer grows only as data arrives, so a declared
/// Content-Length never allocates more than the body really holds; Kestrel's body size limit caps it.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    private const int InitialSize = 16 * 1024;

    // A declared Content-Length sizes the first buffer only up to this; beyond it the buffer grows as bytes arrive.
    private const int LargestFirstBuffer = 1024 * 1024;

    private byte[] _buffer;

    private RequestBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    public static async Task<Result<RequestBody>> ReadAsync(HttpContext context)
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? int.MaxValue;
        var declared = context.Request.ContentLength;
        if (declared > limit)
        {
            return InferenceError.InvalidArgument($"the request body is {declared} bytes, more than the limit of {limit} bytes");
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared ?? InitialSize, LargestFirstBuffer));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await context.Request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch (BadHttpRequestException exception)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return InferenceError.InvalidArgument($"the request body could not be read: {exception.Message}");
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        if (declared is { } expected && expected != length)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return InferenceError.InvalidArgument($"the request body has {length} bytes but Content-Length says {expected}");
        }

        return new RequestBody(buffer, length);
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
