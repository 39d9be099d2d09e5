using System.IO.Compression;
using Modelport.Core.Errors;

namespace Modelport.Server.TorchServe;

internal sealed partial class ModelStore
{
    /// <summary>
    /// Copies a folder of the store. A file link is copied as the file it leads to when that file is in the store; a
    /// link out of the store, or a folder link (which could loop), refuses the whole registration.
    /// </summary>
    private Result<string> CopyFolder(string source, string target)
    {
        long copied = 0;
        var pending = new Stack<(DirectoryInfo From, string To)>([(new DirectoryInfo(source), target)]);
        while (pending.TryPop(out var folder))
        {
            Directory.CreateDirectory(folder.To);
            foreach (var entry in folder.From.EnumerateFileSystemInfos())
            {
                var name = Path.GetRelativePath(source, entry.FullName);
                var destination = Path.Combine(folder.To, entry.Name);
                if (entry.LinkTarget is not null)
                {
                    if (entry is DirectoryInfo)
                    {
                        return InferenceError.InvalidArgument($"'{name}' in the registered folder is a link to a folder; copy the folder in instead");
                    }

                    if (!IsInside(Canonical(entry.FullName)))
                    {
                        return InferenceError.InvalidArgument($"'{name}' in the registered folder is a link that leads out of the model store");
                    }
                }

                if (entry is DirectoryInfo child)
                {
                    pending.Push((child, destination));
                    continue;
                }

                copied += new FileInfo(Canonical(entry.FullName)).Length;
                if (copied > _maxBytes)
                {
                    return TooLarge(name);
                }

                File.Copy(entry.FullName, destination);
            }
        }

        return target;
    }

    /// <summary>
    /// Extracts a .zip or .mar (a zip with a MAR-INF folder). Every entry is checked before anything is written: none
    /// may land outside the target folder (zip-slip), and neither the archive nor its declared contents may exceed the cap.
    /// </summary>
    private Result<string> ExtractArchive(string source, string target)
    {
        var name = Path.GetFileName(source);
        if (new FileInfo(source).Length > _maxBytes)
        {
            return TooLarge(name);
        }

        try
        {
            using var archive = ZipFile.OpenRead(source);
            var root = Path.GetFullPath(target) + Path.DirectorySeparatorChar;
            long declared = 0;
            foreach (var entry in archive.Entries)
            {
                var destination = Path.GetFullPath(Path.Combine(root, entry.FullName));
                if (!destination.StartsWith(root, StringComparison.Ordinal))
                {
                    return InferenceError.InvalidArgument($"archive '{name}' has the entry '{entry.FullName}', which would be written outside its model folder");
                }

                declared += entry.Length;
                if (declared > _maxBytes)
                {
                    return TooLarge(name);
                }
            }

            Directory.CreateDirectory(root);
            foreach (var entry in archive.Entries)
            {
                var destination = Path.GetFullPath(Path.Combine(root, entry.FullName));
                if (entry.FullName.EndsWith('/'))
                {
                    Directory.CreateDirectory(destination);
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                entry.ExtractToFile(destination);
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            return InferenceError.InvalidArgument($"archive '{name}' could not be extracted: {exception.Message}");
        }

        return target;
    }

    private InferenceError TooLarge(string name) =>
        InferenceError.InvalidArgument($"'{name}' holds more than the registration limit of {_maxBytes} bytes");
}
