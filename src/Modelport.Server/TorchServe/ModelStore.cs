using System.Collections.Concurrent;
using Modelport.Core.Errors;
using Modelport.Core.Repository;

namespace Modelport.Server.TorchServe;

/// <summary>
/// The folder TorchServe's register call may read from (<c>--model-store</c>), and the only one. A registration copies
/// a folder or extracts an archive of the store into <see cref="RegisteredRoot"/>, a folder the server owns inside the
/// store; that folder is one of the model manager's repositories, so a registered model loads like any other. What is
/// refused and why: CVE-2023-43654 made TorchServe's <c>url</c> a path to server-side request forgery, so no URL is
/// fetched, and no path may leave the store, by <c>..</c>, by a link, or by an archive entry.
/// </summary>
internal sealed partial class ModelStore
{
    /// <summary>Hidden, so the repository scanner skips it when the store is itself a model repository.</summary>
    public const string RegisteredFolderName = ".modelport-registered";

    private readonly ConcurrentDictionary<string, string> _urls = new(StringComparer.Ordinal);
    private readonly long _maxBytes;

    public ModelStore(string root, long maxBytes)
    {
        Root = Canonical(root);
        RegisteredRoot = Path.Combine(Root, RegisteredFolderName);
        _maxBytes = maxBytes;
    }

    /// <summary>The store folder, links resolved.</summary>
    public string Root { get; }

    public string RegisteredRoot { get; }

    /// <summary>
    /// Empties <see cref="RegisteredRoot"/>: registrations last as long as the server, as TorchServe's do without a
    /// snapshot, so a model registered before a restart does not hold its name afterwards.
    /// </summary>
    public void Reset()
    {
        if (Directory.Exists(RegisteredRoot))
        {
            Directory.Delete(RegisteredRoot, recursive: true);
        }

        Directory.CreateDirectory(RegisteredRoot);
    }

    /// <summary>The <c>url</c> a model was registered from; null for models the server found in its repositories.</summary>
    public string? UrlOf(string model) => _urls.GetValueOrDefault(model);

    /// <summary>The model name TorchServe derives from a <c>url</c> when the call gives none: the file name without its extension.</summary>
    public static string DefaultModelName(string url)
    {
        var name = url.Replace('\\', '/').TrimEnd('/').Split('/')[^1];
        return IsArchive(name) ? Path.GetFileNameWithoutExtension(name) : name;
    }

    /// <summary>Copies or extracts <paramref name="url"/> into the registered folder of <paramref name="model"/>.</summary>
    public Result<string> Register(string url, string model)
    {
        if (!ModelNames.IsValid(model) || model.StartsWith('.'))
        {
            return InferenceError.InvalidArgument($"'{model}' is not a valid model name: it must be one folder name that does not start with '.'");
        }

        var source = Resolve(url);
        if (source.Error is { } refused)
        {
            return refused;
        }

        var staging = Path.Combine(RegisteredRoot, $".staging-{Guid.NewGuid():N}");
        try
        {
            var placed = Directory.Exists(source.Value) ? CopyFolder(source.Value, staging) : ExtractArchive(source.Value, staging);
            var layout = placed.IsSuccess ? ArrangeLayout(staging, url) : placed;
            if (layout.Error is { } error)
            {
                return error;
            }

            var target = Path.Combine(RegisteredRoot, model);
            if (Directory.Exists(target))
            {
                return InferenceError.AlreadyExists($"model '{model}' is already registered");
            }

            Directory.Move(layout.Value, target);
            _urls[model] = url;
            return target;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Forgets a registration and deletes its folder; nothing happens for a model the store did not register.</summary>
    public void Remove(string model)
    {
        if (_urls.TryRemove(model, out _))
        {
            Directory.Delete(Path.Combine(RegisteredRoot, model), recursive: true);
        }
    }

    private static bool IsArchive(string name) =>
        name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".mar", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The registered folder's layout: a Triton model folder (config.pbtxt or numbered version folders) stays as it is;
    /// a bare model.onnx becomes version 1; a single folder at the top (an archive of a folder) is looked into.
    /// </summary>
    private static Result<string> ArrangeLayout(string staging, string url)
    {
        var folder = new DirectoryInfo(staging);
        if (folder.GetFiles() is [] && folder.GetDirectories() is [var only] && !IsVersionFolder(only.Name))
        {
            folder = only;
        }

        if (File.Exists(Path.Combine(folder.FullName, "config.pbtxt")) || folder.EnumerateDirectories().Any(child => IsVersionFolder(child.Name)))
        {
            return folder.FullName;
        }

        var onnx = Path.Combine(folder.FullName, "model.onnx");
        if (!File.Exists(onnx))
        {
            return InferenceError.InvalidArgument(
                $"'{url}' holds neither a Triton model folder (config.pbtxt, numbered version folders) nor a model.onnx");
        }

        Directory.CreateDirectory(Path.Combine(folder.FullName, "1"));
        File.Move(onnx, Path.Combine(folder.FullName, "1", "model.onnx"));
        return folder.FullName;
    }

    private static bool IsVersionFolder(string name) => name.Length > 0 && name[0] != '0' && name.All(char.IsAsciiDigit);
}
