using System;
using System.IO;
using System.Threading.Tasks;
using Cac.Emulators.Runner;
using Cac.EndToEnd.Tests.Runner;

namespace Cac.EndToEnd.Tests.Cross;

/// <summary>
/// The linux-arm64 binary scripts/package cross-compiles on a linux-x64 machine with Debian's toolchain,
/// run under qemu-user with Debian's arm64 C library and libssl (scripts/install-test-tools installs both):
/// a full OIDC run against the emulators. Where that toolchain is absent, scripts/package builds no arm64
/// binary and the test is reported as skipped; release builds test arm64 natively on an arm64 runner.
/// </summary>
public sealed class Arm64BinaryTests
{
    private const string CLibrary = "/usr/aarch64-linux-gnu";
    private const string Libssl = "/opt/cac-test-tools/arm64/usr/lib/aarch64-linux-gnu";

    private static string Binary => Path.Combine(Path.GetDirectoryName(ReleasePackage.Directory)!, "binaries", "linux-arm64", "configure-aws-credentials");

    [Arm64Fact]
    public async Task The_cross_compiled_arm64_binary_does_a_full_oidc_run()
    {
        await using var aws = await LocalAws.StartAsync();
        using var process = new ActionProcess(Binary, [ChildProcess.Find("qemu-aarch64"), "-L", CLibrary, "-E", "LD_LIBRARY_PATH=" + Libssl]);
        var environment = aws.OidcEnvironment(process);
        LocalAws.SetInput(environment, "role-to-assume", LocalAws.DemoRoleArn);
        LocalAws.SetInput(environment, "aws-region", "us-east-1");

        var result = await process.RunAsync(environment);

        Expect.Succeeded(result);
        Assert.StartsWith("ASIA", result.FinalExports["AWS_ACCESS_KEY_ID"], StringComparison.Ordinal);
        Assert.Equal("111111111111", result.FinalOutputs["aws-account-id"]);
        Expect.SecretsMaskedFirst(result, "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");
    }

    /// <summary>Runs only where the arm64 binary, qemu-user and the arm64 libraries are all present.</summary>
    private sealed class Arm64FactAttribute : FactAttribute
    {
        public Arm64FactAttribute()
        {
            if (!OperatingSystem.IsLinux() || !IsBuilt() || !File.Exists("/usr/bin/qemu-aarch64") ||
                !Directory.Exists(CLibrary) || !File.Exists(Path.Combine(Libssl, "libssl.so.3")))
            {
                Skip = "No cross-compiled linux-arm64 binary with qemu-user and arm64 libssl here (scripts/install-test-tools, then scripts/package).";
            }
        }

        private static bool IsBuilt()
        {
            try
            {
                return File.Exists(Binary);
            }
            catch (DirectoryNotFoundException)
            {
                return false;
            }
        }
    }
}
