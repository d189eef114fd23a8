using System.IO;
using Cac.Action.FileSystem;

namespace Cac.Action.Tests.FileSystem;

public sealed class NoFollowFileTests
{
    [Fact]
    public void A_regular_file_opens_and_a_symbolic_link_to_it_is_refused_by_the_kernel()
    {
        var directory = Directory.CreateTempSubdirectory("cac-nofollow-").FullName;
        try
        {
            var target = Path.Combine(directory, "target");
            File.WriteAllText(target, "content");
            var link = Path.Combine(directory, "link");
            File.CreateSymbolicLink(link, target);

            using (var stream = NoFollowFile.OpenRead(target))
            using (var reader = new StreamReader(stream))
            {
                Assert.Equal("content", reader.ReadToEnd());
            }

            var refused = Assert.Throws<SymbolicLinkException>(() => NoFollowFile.OpenRead(link));
            Assert.Equal("Refusing " + link + " (path is a symbolic link)", refused.Message);
            Assert.Throws<FileNotFoundException>(() => NoFollowFile.OpenRead(Path.Combine(directory, "missing")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("/var/run/secrets/./serviceaccount/token")]
    [InlineData("/var/run/secrets/eks.amazonaws.com/serviceaccount/../serviceaccount/token")]
    public void A_kubelet_looking_path_with_dot_segments_is_not_allow_listed(string path) =>
        Assert.False(Cac.Action.Flow.WebIdentityTokenFile.IsAllowListed(path));
}
