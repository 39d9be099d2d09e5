using Modelport.Core.Errors;

namespace Modelport.Server.SharedMemory;

/// <summary>
/// A region's key names a file directly in /dev/shm, as POSIX <c>shm_open</c> resolves it: <c>/input_data</c> (the form
/// Triton's clients use) or <c>input_data</c>. A key that could reach anywhere else is refused.
/// </summary>
internal static class SharedMemoryKey
{
    public const string Directory = "/dev/shm";

    public static Result<string> ToPath(string key)
    {
        var name = key.StartsWith('/') ? key[1..] : key;
        return name.Length == 0 || name == "." || name.Contains('/') || name.Contains("..", StringComparison.Ordinal) || name.Contains('\0')
            ? InferenceError.InvalidArgument(
                $"shared memory key '{key}' must name a file directly in {Directory}, such as '/input_data': one leading '/' at most, no '..', no NUL")
            : Path.Combine(Directory, name);
    }
}
