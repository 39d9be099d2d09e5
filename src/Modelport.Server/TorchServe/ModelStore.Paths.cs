using Modelport.Core.Errors;

namespace Modelport.Server.TorchServe;

internal sealed partial class ModelStore
{
    // Linux gives up on a path after 40 links (ELOOP); so does this.
    private const int MaxLinks = 40;

    /// <summary>The canonical path of a folder or archive of the store that <paramref name="url"/> names, or why it is refused.</summary>
    private Result<string> Resolve(string url)
    {
        if (url.Length == 0)
        {
            return InferenceError.InvalidArgument("Parameter url is required.");
        }

        if (url.Contains(':', StringComparison.Ordinal))
        {
            return InferenceError.InvalidArgument(
                $"url '{url}' has a scheme or a drive; Modelport never downloads models (http:, https:, file:, s3: ... are refused): give the name of a folder, .zip or .mar in the model store");
        }

        if (Path.IsPathRooted(url) || url.StartsWith('\\'))
        {
            return InferenceError.InvalidArgument($"url '{url}' is an absolute path; give a name relative to the model store");
        }

        var segments = url.Split('/', '\\');
        if (segments.Any(segment => segment.StartsWith('.')))
        {
            return InferenceError.InvalidArgument(
                $"url '{url}' has a '..', '.' or hidden segment; give the name of a folder, .zip or .mar inside the model store");
        }

        var path = Canonical(Path.Combine(Root, Path.Combine([.. segments.Where(segment => segment.Length > 0)])));
        if (!IsInside(path))
        {
            return InferenceError.InvalidArgument($"url '{url}' leads out of the model store through a link");
        }

        if (Directory.Exists(path) || (File.Exists(path) && IsArchive(path)))
        {
            return path;
        }

        return File.Exists(path)
            ? InferenceError.InvalidArgument($"url '{url}' is neither a folder nor a .zip or .mar archive")
            : InferenceError.NotFound($"Model not found in model store: {url}");
    }

    private bool IsInside(string canonicalPath) =>
        canonicalPath.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The absolute path with every link along it resolved, as realpath(3) gives it; missing parts stay as written.</summary>
    private static string Canonical(string path, int links = 0)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        foreach (var segment in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, segment);
            var entry = new FileInfo(current);
            if (entry.LinkTarget is null)
            {
                continue;
            }

            if (links == MaxLinks)
            {
                throw new IOException($"too many links along '{path}'");
            }

            var target = entry.ResolveLinkTarget(returnFinalTarget: false)!;
            current = Canonical(target.FullName, links + 1);
        }

        return current;
    }
}
