using System.IO;

namespace Cac.Tools.ActionDocs;

/// <summary>
/// <c>ActionDocs [action.yml] [--write README.md | --check README.md]</c>. Without a path the
/// action.yml beside the README (or in the current directory) is used.
/// </summary>
internal sealed record CommandLine(string ActionPath, string? ReadmePath, bool Check)
{
    public const string Usage =
        "usage: ActionDocs [path/to/action.yml] [--write README.md | --check README.md]\n" +
        "  (no option)  print the inputs, outputs and errors tables\n" +
        "  --write      rewrite the text between the <!-- action-docs-inputs/outputs/errors --> markers\n" +
        "  --check      exit 1 when those sections are out of date";

    public static CommandLine? Parse(string[] args)
    {
        string? actionPath = null;
        string? readmePath = null;
        var check = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--write" or "--check" when i + 1 < args.Length && readmePath is null:
                    check = args[i] == "--check";
                    readmePath = args[++i];
                    break;
                case var path when !path.StartsWith("--", System.StringComparison.Ordinal) && actionPath is null:
                    actionPath = path;
                    break;
                default:
                    return null;
            }
        }

        actionPath ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(readmePath ?? "action.yml")) ?? ".", "action.yml");
        if (actionPath.StartsWith(Directory.GetCurrentDirectory() + Path.DirectorySeparatorChar, System.StringComparison.Ordinal))
        {
            actionPath = Path.GetRelativePath(Directory.GetCurrentDirectory(), actionPath);
        }

        return new CommandLine(actionPath, readmePath, check);
    }
}
