using Grpc.Core;
using Modelport.Core.Errors;
using Modelport.Core.Lifecycle;
using Modelport.Protocol.Grpc;
using Modelport.Server.Repository;

namespace Modelport.Server.Grpc;

internal sealed partial class GrpcInferenceService
{
    public override Task<RepositoryIndexResponse> RepositoryIndex(RepositoryIndexRequest request, ServerCallContext context)
    {
        RefuseRepositoryName(request.RepositoryName);
        var response = new RepositoryIndexResponse();
        response.Models.AddRange(models.GetIndex(request.Ready).Select(row => new RepositoryIndexResponse.Types.ModelIndex
        {
            Name = row.Name,
            Version = row.Version,
            State = row.State.WireName(),
            Reason = row.Reason,
        }));
        return Task.FromResult(response);
    }

    public override async Task<RepositoryModelLoadResponse> RepositoryModelLoad(RepositoryModelLoadRequest request, ServerCallContext context)
    {
        RefuseRepositoryName(request.RepositoryName);
        var parameters = request.Parameters.Select(parameter => (
            parameter.Key,
            parameter.Value.ParameterChoiceCase == ModelRepositoryParameter.ParameterChoiceOneofCase.StringParam ? parameter.Value.StringParam : null));
        var error = await RepositoryLoad.LoadAsync(models, request.ModelName, parameters, context.CancellationToken).ConfigureAwait(false);
        return error is null ? new RepositoryModelLoadResponse() : throw error.ToRpcException();
    }

    public override async Task<RepositoryModelUnloadResponse> RepositoryModelUnload(RepositoryModelUnloadRequest request, ServerCallContext context)
    {
        RefuseRepositoryName(request.RepositoryName);
        var error = await models.UnloadModelAsync(request.ModelName, context.CancellationToken).ConfigureAwait(false);
        return error is null ? new RepositoryModelUnloadResponse() : throw error.ToRpcException();
    }

    /// <summary>Models are found by name across every repository, so naming one is refused, as Triton refuses it.</summary>
    private static void RefuseRepositoryName(string repositoryName)
    {
        if (repositoryName.Length > 0)
        {
            throw InferenceError.Unsupported($"repository_name '{repositoryName}': choosing a repository is not supported; leave it empty").ToRpcException();
        }
    }
}
