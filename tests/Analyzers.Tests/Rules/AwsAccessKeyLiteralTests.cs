using System.Threading.Tasks;
using Cac.Analyzers.Internals;
using Cac.Analyzers.Rules;
using Cac.Analyzers.Tests.TestSupport;
using Verify = Cac.Analyzers.Tests.TestSupport.Verifier<Cac.Analyzers.Rules.AwsAccessKeyLiteralAnalyzer>;

namespace Cac.Analyzers.Tests.Rules;

/// <summary>CAC2003. Every key in these tests is assembled at run time (<see cref="TestKeys"/>).</summary>
public sealed class AwsAccessKeyLiteralTests
{
    private static readonly string Key = TestKeys.Make("AKIA");

    private static Task FlagsAsync(string members, string prefix = "AKIA") =>
        Verify.AnalyzeAsync(Code.Usings + "class C\n{\n" + members + "\n}\n", Verify.Diagnostic(AwsAccessKeyLiteralAnalyzer.Rule).WithArguments(prefix));

    private static Task AllowsAsync(string members) => Verify.AnalyzeAsync(Code.Usings + "class C\n{\n" + members + "\n}\n");

    [Theory]
    [InlineData("AKIA")]
    [InlineData("ASIA")]
    [InlineData("ABIA")]
    [InlineData("ACCA")]
    [InlineData("A3TX")]
    [InlineData("A3T7")]
    public Task Every_key_prefix(string prefix) =>
        FlagsAsync("string k = {|#0:\"" + TestKeys.Make(prefix) + "\"|};", prefix);

    [Fact]
    public Task A_key_inside_longer_text() =>
        FlagsAsync("string k = {|#0:\"aws_access_key_id = " + Key + "\\n\"|};");

    [Fact]
    public Task A_verbatim_literal() => FlagsAsync("string k = {|#0:@\"id:" + Key + "\"|};");

    [Fact]
    public Task A_raw_literal() => FlagsAsync("string k = {|#0:\"\"\"" + Key + "\"\"\"|};");

    [Fact]
    public Task A_multi_line_raw_literal() =>
        FlagsAsync("string k = {|#0:\"\"\"\n    [default]\n    aws_access_key_id=" + Key + "\n    \"\"\"|};");

    [Fact]
    public Task A_utf8_literal() => FlagsAsync("ReadOnlySpan<byte> K => {|#0:\"" + Key + "\"u8|};");

    [Fact]
    public Task The_text_of_an_interpolated_string() =>
        FlagsAsync("string K(int n) => $\"{n}{|#0: " + Key + "|}\";");

    [Fact]
    public Task A_constant_split_over_literals() =>
        FlagsAsync("const string K = {|#0:\"" + Key[..4] + "\" + \"" + Key[4..12] + "\" + \"" + Key[12..] + "\"|};");

    [Fact]
    public Task A_constant_built_from_other_constants() =>
        FlagsAsync("const string A = \"" + Key[..4] + "\"; const string B = \"" + Key[4..] + "\"; const string K = {|#0:A + B|};");

    [Fact]
    public Task A_constant_interpolation() =>
        FlagsAsync("const string A = \"" + Key[..10] + "\"; const string K = {|#0:$\"{A}" + Key[10..] + "\"|};");

    [Fact]
    public Task An_attribute_argument() =>
        FlagsAsync("[System.ComponentModel.Description({|#0:\"" + Key + "\"|})] void M() { }");

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("ASIAXXXXXXXXXEXAMPLE")]
    public Task Documentation_keys_ending_in_EXAMPLE(string key) => AllowsAsync("string k = \"" + key + "\";");

    [Fact]
    public Task Lower_case() => AllowsAsync("string k = \"" + Key.ToLowerInvariant() + "\";");

    [Fact]
    public Task A_longer_base32_run() => AllowsAsync("string k = \"" + Key + "Q\"; string j = \"Q" + Key + "\";");

    [Fact]
    public Task A_shorter_run() => AllowsAsync("string k = \"" + Key[..19] + "\";");

    [Theory]
    [InlineData("AKIB")]
    [InlineData("AIDA")]
    [InlineData("AROA")]
    [InlineData("XKIA")]
    public Task Other_prefixes(string prefix) => AllowsAsync("string k = \"" + TestKeys.Make(prefix) + "\";");

    [Fact]
    public Task Characters_outside_base32() =>
        AllowsAsync("string k = \"" + Key[..10] + "0189" + Key[14..] + "\";");

    [Fact]
    public Task A_placeholder_without_variety() => AllowsAsync("string k = \"AKIA" + new string('X', 16) + "\";");

    [Fact]
    public Task A_comment() => AllowsAsync("// " + Key + "\nvoid M() { }");

    [Fact]
    public Task The_parts_alone() =>
        AllowsAsync("string a = \"" + Key[..4] + "\"; string b = \"" + Key[4..] + "\"; string M() => a + b;");

    [Theory]
    [InlineData("x")]
    [InlineData("_")]
    [InlineData("-")]
    [InlineData("=")]
    [InlineData(" ")]
    public void The_scanner_finds_a_key_after_any_non_alphanumeric_character_but_not_after_a_letter(string before)
    {
        var found = AwsKeyScanner.Find(before + Key);
        Assert.Equal(before == "x" ? null : Key, found);
    }
}
