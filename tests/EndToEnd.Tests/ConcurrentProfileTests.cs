using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Cac.Emulators.Runner;

namespace Cac.EndToEnd.Tests;

/// <summary>
/// Several jobs on one runner writing different profiles into the same files at the same moment: each
/// read-edit-replace holds the lock beside the files, so every profile ends up in both files. Without the
/// lock the last rename wins and the others' profiles are lost (and credentials and config disagree).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ConcurrentProfileTests
{
    private const int Runs = 8;
    private const int Rounds = 3;

    [Fact]
    public async Task Runs_started_together_all_end_up_in_both_profile_files()
    {
        await using var aws = await LocalAws.StartAsync();
        var shared = Directory.CreateTempSubdirectory("cac-shared-aws-").FullName;
        var processes = Enumerable.Range(0, Runs).Select(_ => new ActionProcess(LocalAws.FindPublishedExecutable())).ToList();
        try
        {
            var credentials = Path.Combine(shared, "credentials");
            var config = Path.Combine(shared, "config");

            // A file of some size (comments the edit must keep) makes each read-edit-replace take long
            // enough that runs started together overlap in it.
            var comments = string.Concat(Enumerable.Range(0, 4000).Select(i => "# team note " + i + ": keep this line\n"));
            File.WriteAllText(credentials, comments);
            File.WriteAllText(config, comments);

            for (var round = 0; round < Rounds; round++)
            {
                var names = Enumerable.Range(0, Runs).Select(run => "r" + round + "p" + run).ToList();
                var results = await Task.WhenAll(processes.Select((process, run) =>
                {
                    var environment = aws.OidcEnvironment(process);
                    LocalAws.SetInput(environment, "role-to-assume", LocalAws.DemoRoleArn);
                    LocalAws.SetInput(environment, "aws-region", "us-east-1");
                    LocalAws.SetInput(environment, "aws-profile", names[run]);
                    environment["AWS_SHARED_CREDENTIALS_FILE"] = credentials;
                    environment["AWS_CONFIG_FILE"] = config;
                    return process.RunAsync(environment);
                }));

                Assert.All(results, result => Expect.Succeeded(result));
                var credentialSections = Sections(credentials);
                var configSections = Sections(config);
                foreach (var name in names)
                {
                    Assert.True(credentialSections.Contains(name), "round " + round + ": profile " + name + " is missing from the credentials file");
                    Assert.True(configSections.Contains("profile " + name), "round " + round + ": profile " + name + " is missing from the config file");
                }

                Assert.StartsWith(comments, File.ReadAllText(credentials), StringComparison.Ordinal);
            }
        }
        finally
        {
            processes.ForEach(process => process.Dispose());
            Directory.Delete(shared, recursive: true);
        }
    }

    private static HashSet<string> Sections(string path) =>
        File.ReadAllLines(path)
            .Where(line => line.StartsWith('[') && line.EndsWith(']'))
            .Select(line => line[1..^1])
            .ToHashSet(StringComparer.Ordinal);
}
