using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Modelport.Core.Configuration;
using Modelport.Core.Inference;
using Modelport.Core.Lifecycle;
using Modelport.Core.Models;
using Modelport.Core.Tensors;
using Modelport.Server.Errors;
using Modelport.Server.Hosting;
using Modelport.Server.Http;
using Modelport.Server.Tracing;
using Modelport.Server.SharedMemory;

namespace Modelport.Server.KServe;

internal static class KServeHandlers
{
    public static IResult Live() => Results.Ok();

    public static IResult Ready(ModelManager models) => models.IsReady ? Results.Ok() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);

    public static async Task ServerMetadata(HttpContext context)
    {
        await JsonResponses.WriteAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("name", ServerVersion.Name);
            writer.WriteString("version", ServerVersion.Current);
            writer.WriteStartArray("extensions");
            foreach (var extension in ServerExtensions.Names)
            {
                writer.WriteStringValue(extension);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public static async Task ModelMetadata(HttpContext context, InferenceService inference)
    {
        var metadata = inference.GetMetadata(context.Model(), context.Version());
        if (metadata.Error is { } error)
        {
            await ErrorResponses.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, writer => WriteMetadata(writer, metadata.Value)).ConfigureAwait(false);
    }

    public static async Task ModelReady(HttpContext context, ModelManager models)
    {
        var acquired = models.Acquire(context.Model(), context.Version());
        if (acquired.Error is { } error)
        {
            await ErrorResponses.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        acquired.Value.Dispose();
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    public static async Task ModelConfig(HttpContext context, InferenceService inference)
    {
        var config = inference.GetConfig(context.Model(), context.Version());
        if (config.Error is { } error)
        {
            await ErrorResponses.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(ModelConfigJson.Format(config.Value), context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task Infer(HttpContext context, InferenceService inference, SharedMemoryRegistry sharedMemory)
    {
        if (!TryReadHeaderLength(context, out var headerLength))
        {
            await ErrorResponses.WriteAsync(
                context,
                StatusCodes.Status400BadRequest,
                $"{V2Parameters.InferenceHeaderContentLength} must be a number of bytes, not '{context.Request.Headers[V2Parameters.InferenceHeaderContentLength]}'").ConfigureAwait(false);
            return;
        }

        var body = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        if (body.Error is { } unreadable)
        {
            await ErrorResponses.WriteAsync(context, unreadable).ConfigureAwait(false);
            return;
        }

        using var bodyBuffer = body.Value;
        var parsed = InferRequestReader.Read(bodyBuffer.Memory, headerLength, context.Model(), context.Version(), sharedMemory);
        if (parsed.Error is { } malformed)
        {
            await ErrorResponses.WriteAsync(context, malformed).ConfigureAwait(false);
            return;
        }

        using var request = parsed.Value;
        var result = await inference.InferTracedAsync(request.Request, InferenceTracing.KServeRest, context.Request, context.RequestAborted).ConfigureAwait(false);
        if (result.Error is { } failed)
        {
            await ErrorResponses.WriteAsync(context, failed).ConfigureAwait(false);
            return;
        }

        using var response = result.Value;
        if (request.SharedMemory.WriteOutputs(response) is { } unwritable)
        {
            await ErrorResponses.WriteAsync(context, unwritable).ConfigureAwait(false);
            return;
        }

        await InferResponseWriter.WriteAsync(context, response, request).ConfigureAwait(false);
    }

    private static bool TryReadHeaderLength(HttpContext context, out int? headerLength)
    {
        headerLength = null;
        var header = context.Request.Headers[V2Parameters.InferenceHeaderContentLength];
        if (header.Count == 0)
        {
            return true;
        }

        if (int.TryParse(header.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            headerLength = length;
            return true;
        }

        return false;
    }

    private static void WriteMetadata(Utf8JsonWriter writer, ModelMetadata metadata)
    {
        writer.WriteStartObject();
        writer.WriteString("name", metadata.Name);
        writer.WriteStartArray("versions");
        foreach (var version in metadata.Versions)
        {
            writer.WriteStringValue(version);
        }

        writer.WriteEndArray();
        writer.WriteString("platform", metadata.Platform);
        WriteTensors(writer, "inputs", metadata.Inputs);
        WriteTensors(writer, "outputs", metadata.Outputs);
        writer.WriteEndObject();
    }

    private static void WriteTensors(Utf8JsonWriter writer, string property, IReadOnlyList<TensorMetadata> tensors)
    {
        writer.WriteStartArray(property);
        foreach (var tensor in tensors)
        {
            writer.WriteStartObject();
            TensorHeaderWriter.Write(writer, tensor.Name, tensor.DataType, tensor.Shape);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
