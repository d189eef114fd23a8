using System.IO;
using System.Text;
using Cac.Action.Runner;

namespace Cac.Action.Tests.Runner;

public sealed class ProcessConsoleTests
{
    [Fact]
    public void Lines_end_with_LF_and_are_utf8_without_bom()
    {
        using var stream = new MemoryStream();
        using (var console = new ProcessConsole(stream))
        {
            console.WriteLine(LogLine.Command("add-mask", "é"));
            console.WriteLine(LogLine.Plain(""));
        }

        Assert.Equal(Encoding.UTF8.GetBytes("::add-mask::é\n\n"), stream.ToArray());
    }

    [Fact]
    public void Each_line_reaches_the_stream_when_written()
    {
        using var stream = new MemoryStream();
        using var console = new ProcessConsole(stream);

        console.WriteLine(LogLine.Plain("first"));

        Assert.Equal(Encoding.UTF8.GetBytes("first\n"), stream.ToArray());
    }
}
