using System.Globalization;
using System.IO;

namespace Cac.Tools.ActionDocs;

/// <summary>
/// <c>ActionDocs [action.yml] [--write README.md | --check README.md | --bench [runs]]</c>. Without a path the
/// action.yml beside the README (or in the current directory) is used.
/// </summary>
internal sealed record CommandLine(string ActionPath, string? ReadmePath, bool Check, int? BenchmarkRuns)
{
    public const string Usage =
        "usage: ActionDocs [path/to/action.yml] [--write README.md | --check README.md | --bench [runs]]\n" +
        "  (no option)  print the inputs and outputs tables\n" +
        "  --write      rewrite the text between the <!-- action-docs-inputs/outputs --> markers\n" +
        "  --check      exit 1 when those sections are out of date\n" +
        "  --bench      run the source generator repeatedly and print timings (default 200 runs)";

    public static CommandLine? Parse(string[] args)
    {
        string? actionPath = null;
        string? readmePath = null;
        var check = false;
        int? runs = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--write" or "--check" when i + 1 < args.Length && readmePath is null:
                    check = args[i] == "--check";
                    readmePath = args[++i];
                    break;
                case "--bench":
                    runs = 200;
                    if (i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
                    {
                        runs = count;
                        i++;
                    }

                    break;
                case var path when !path.StartsWith("--", System.StringComparison.Ordinal) && actionPath is null:
                    actionPath = path;
                    break;
                default:
                    return null;
            }
        }

        if (runs is not null && readmePath is not null)
        {
            return null;
        }

        actionPath ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(readmePath ?? "action.yml")) ?? ".", "action.yml");
        if (actionPath.StartsWith(Directory.GetCurrentDirectory() + Path.DirectorySeparatorChar, System.StringComparison.Ordinal))
        {
            actionPath = Path.GetRelativePath(Directory.GetCurrentDirectory(), actionPath);
        }

        return new CommandLine(actionPath, readmePath, check, runs);
    }
}
