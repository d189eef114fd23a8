using System.Threading.Tasks;
using Cac.Analyzers.Rules;
using Cac.Analyzers.Tests.TestSupport;
using Microsoft.CodeAnalysis.Testing;
using Verify = Cac.Analyzers.Tests.TestSupport.Verifier<Cac.Analyzers.Rules.SecretLeakAnalyzer>;

namespace Cac.Analyzers.Tests.Rules;

/// <summary>CAC2001. Markup: <c>{|#0:...|}</c> is where the secret reaches the sink, <c>{|#1:...|}</c> its source.</summary>
public sealed class SecretReachesLogTests
{
    private static DiagnosticResult Leak => Verify.Diagnostic(SecretLeakAnalyzer.SecretReachesLog, 0, 1);

    private static Task LeaksAsync(string body, string members = "") =>
        Verify.AnalyzeAsync(Code.InMethod(body, members), Leak);

    private static Task NoLeakAsync(string body, string members = "") =>
        Verify.AnalyzeAsync(Code.InMethod(body, members));

    // Sources

    [Fact]
    public Task A_generated_secret_input_revealed() =>
        LeaksAsync("Console.WriteLine({|#0:{|#1:inputs.ApiToken.Reveal()|}|});");

    [Fact]
    public Task A_secret_given_to_a_secret_output_revealed_in_the_same_method() =>
        LeaksAsync("""
            outputs.SetToken(secret);
            Console.WriteLine({|#0:{|#1:secret.Reveal()|}|});
            """);

    [Theory]
    [InlineData("SecretAccessKey")]
    [InlineData("SessionToken")]
    [InlineData("AccessKeyId")]
    public Task An_sts_credentials_member(string member) =>
        LeaksAsync("logger.LogInformation({|#0:{|#1:credentials." + member + "|}|});");

    [Theory]
    [InlineData("SecretKey")]
    [InlineData("Token")]
    [InlineData("AccessKey")]
    public Task An_immutable_credentials_member(string member) =>
        LeaksAsync("""
            var resolved = aws.GetCredentials();
            Console.WriteLine({|#0:{|#1:resolved.MEMBER|}|});
            """.Replace("MEMBER", member, System.StringComparison.Ordinal));

    [Fact]
    public Task The_result_of_GetCredentials() =>
        LeaksAsync("Console.WriteLine({|#0:{|#1:aws.GetCredentials()|}|});");

    [Fact]
    public Task The_awaited_result_of_GetCredentialsAsync() =>
        LeaksAsync("""
            var resolved = await {|#1:aws.GetCredentialsAsync()|};
            Console.WriteLine({|#0:resolved|});
            """);

    [Theory]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    [InlineData("AWS_SESSION_TOKEN")]
    [InlineData("ACTIONS_ID_TOKEN_REQUEST_TOKEN")]
    [InlineData("ACTIONS_RUNTIME_TOKEN")]
    [InlineData("GITHUB_TOKEN")]
    public Task An_environment_read_of_a_secret_variable(string name) =>
        LeaksAsync("Console.WriteLine({|#0:{|#1:Environment.GetEnvironmentVariable(\"" + name + "\")|}|});");

    [Fact]
    public Task A_secret_variable_read_through_the_environment_abstraction() =>
        LeaksAsync("Console.WriteLine({|#0:{|#1:environment.GetVariable(\"GITHUB_TOKEN\")|}|});");

    [Fact]
    public Task A_secret_variable_read_from_the_variables_dictionary() =>
        LeaksAsync("Console.WriteLine({|#0:(string?){|#1:Environment.GetEnvironmentVariables()[\"AWS_SESSION_TOKEN\"]|}|});");

    [Fact]
    public Task A_variable_the_project_declares_secret() =>
        Verify.AnalyzeAsync(
            Code.InMethod("Console.WriteLine({|#0:{|#1:Environment.GetEnvironmentVariable(\"DEPLOY_KEY\")|}|});"),
            "build_property.Cac_SecretVariables = DEPLOY_KEY, OTHER",
            Leak);

    [Fact]
    public Task The_github_oidc_token() =>
        LeaksAsync(
            """
            var token = await {|#1:tokens.GetIdTokenAsync("sts.amazonaws.com")|};
            Console.WriteLine({|#0:"token " + token|});
            """,
            "ITokens tokens = null!; interface ITokens { Task<string> GetIdTokenAsync(string audience); }");

    [Fact]
    public Task A_text_member_of_the_github_oidc_token_object() =>
        LeaksAsync(
            """
            var token = await {|#1:tokens.GetIdTokenAsync("sts.amazonaws.com")|};
            Console.WriteLine(token.FetchedAt);
            Console.WriteLine({|#0:token.Value|});
            """,
            """
            ITokens tokens = null!;
            interface ITokens { Task<IdToken> GetIdTokenAsync(string audience); }
            sealed record IdToken(string Value, DateTimeOffset FetchedAt);
            """);

    [Fact]
    public Task A_field_marked_secret() =>
        LeaksAsync("Console.WriteLine({|#0:{|#1:apiKey|}|});", "[SecretValue] string apiKey = \"\";");

    [Fact]
    public Task A_property_marked_secret() =>
        LeaksAsync("Console.WriteLine({|#0:{|#1:ApiKey|}|});", "[SecretValue] string ApiKey => \"\";");

    [Fact]
    public Task A_parameter_marked_secret() =>
        Verify.AnalyzeAsync(Code.Usings + """
            class C
            {
                void M([SecretValue] string password) => Console.WriteLine({|#0:{|#1:password|}|});
            }
            """, Leak);

    [Fact]
    public Task A_method_result_marked_secret() =>
        LeaksAsync("Console.WriteLine({|#0:{|#1:Password()|}|});", "[return: SecretValue] string Password() => \"\";");

    // Sinks

    [Theory]
    [InlineData("Console.Write({|#0:{|#1:secret.Reveal()|}|});")]
    [InlineData("Console.Out.WriteLine({|#0:{|#1:secret.Reveal()|}|});")]
    [InlineData("Console.Error.Write({|#0:{|#1:secret.Reveal()|}|});")]
    [InlineData("writer.WriteLine({|#0:{|#1:secret.Reveal()|}|});")]
    [InlineData("await writer.WriteLineAsync({|#0:{|#1:secret.Reveal()|}|});")]
    [InlineData("Console.WriteLine(\"{0} {1}\", text, {|#0:{|#1:secret.Reveal()|}|});")]
    [InlineData("Debug.WriteLine({|#0:{|#1:secret.Reveal()|}|});")]
    [InlineData("Trace.TraceInformation({|#0:{|#1:secret.Reveal()|}|});")]
    [InlineData("logger.LogWarning(\"token {Token}\", {|#0:{|#1:secret.Reveal()|}|});")]
    [InlineData("logger.Log(LogLevel.Error, {|#0:{|#1:secret.Reveal()|}|});")]
    [InlineData("throw new InvalidOperationException({|#0:{|#1:secret.Reveal()|}|});")]
    [InlineData("throw new ArgumentException({|#0:{|#1:secret.Reveal()|}|}, nameof(secret));")]
    public Task A_console_writer_trace_logger_or_exception_sink(string statement) => LeaksAsync(statement);

    [Fact]
    public Task A_LoggerMessage_Define_delegate() =>
        LeaksAsync(
            "Logged(logger, {|#0:{|#1:secret.Reveal()|}|}, null);",
            "static readonly Action<ILogger, string, Exception?> Logged = LoggerMessage.Define<string>(LogLevel.Information, new EventId(1), \"{Value}\");");

    [Fact]
    public Task A_LoggerMessage_method() =>
        LeaksAsync(
            "LogValue(logger, {|#0:{|#1:secret.Reveal()|}|});",
            "[LoggerMessage(1, LogLevel.Information, \"{Value}\")] static partial void LogValue(ILogger logger, string value);");

    [Fact]
    public Task The_message_of_a_custom_exception() =>
        LeaksAsync(
            "throw new RunError({|#0:{|#1:secret.Reveal()|}|}, 3);",
            "sealed class RunError(string message, int code) : Exception(message) { public int Code { get; } = code; }");

    [Fact]
    public Task A_method_marked_LogSink() =>
        LeaksAsync("Info({|#0:{|#1:secret.Reveal()|}|});", "[LogSink] void Info(string message) { }");

    [Fact]
    public Task A_method_of_a_log_type_marked_LogSink_called_through_its_interface() =>
        LeaksAsync(
            "log.Warning({|#0:{|#1:secret.Reveal()|}|});",
            """
            ILog log = null!;
            [LogSink] interface ILog : ISecretMasker { void Warning(string message); }
            """);

    [Fact]
    public Task The_job_summary_marked_LogSink_on_an_interface_method_called_on_the_implementation() =>
        LeaksAsync(
            "files.AppendStepSummary({|#0:\"| key | \" + {|#1:secret.Reveal()|}|});",
            """
            FileCommands files = null!;
            interface IFileCommands { [LogSink] void AppendStepSummary(string markdown); }
            sealed class FileCommands : IFileCommands { public void AppendStepSummary(string markdown) { } }
            """);

    // Flow inside the method

    [Theory]
    [InlineData("var t = {|#1:secret.Reveal()|}; Console.WriteLine({|#0:t|});")]
    [InlineData("string t = \"\"; t = {|#1:secret.Reveal()|}; Console.WriteLine({|#0:t|});")]
    [InlineData("var t = \"key=\"; t += {|#1:secret.Reveal()|}; Console.WriteLine({|#0:t|});")]
    [InlineData("Console.WriteLine({|#0:$\"token={{|#1:secret.Reveal()|}}\"|});")]
    [InlineData("Console.WriteLine({|#0:$\"\"\"token={{|#1:secret.Reveal()|}}\"\"\"|});")]
    [InlineData("Console.WriteLine({|#0:\"token=\" + {|#1:secret.Reveal()|}|});")]
    [InlineData("Console.WriteLine({|#0:string.Format(\"{0}\", {|#1:secret.Reveal()|})|});")]
    [InlineData("Console.WriteLine({|#0:string.Concat(\"a\", {|#1:secret.Reveal()|})|});")]
    [InlineData("Console.WriteLine({|#0:string.Join(\",\", text, {|#1:secret.Reveal()|})|});")]
    [InlineData("var b = new StringBuilder(); b.Append(\"k=\").Append({|#1:secret.Reveal()|}); Console.WriteLine({|#0:b.ToString()|});")]
    [InlineData("var b = new StringBuilder(); b.AppendLine({|#1:secret.Reveal()|}); Console.WriteLine({|#0:b|});")]
    [InlineData("var b = new StringBuilder(); b.AppendFormat(\"{0}\", {|#1:secret.Reveal()|}); Console.WriteLine({|#0:b.ToString()|});")]
    [InlineData("Console.WriteLine({|#0:text.Length > 0 ? {|#1:secret.Reveal()|} : text|});")]
    [InlineData("Console.WriteLine({|#0:(string?)null ?? {|#1:secret.Reveal()|}|});")]
    [InlineData("Console.WriteLine({|#0:text switch { \"a\" => {|#1:secret.Reveal()|}, _ => \"\" }|});")]
    public Task Through_locals_assignments_formatting_and_conditionals(string body) => LeaksAsync(body);

    [Theory]
    [InlineData("Substring(1)")]
    [InlineData("ToUpper()")]
    [InlineData("ToUpperInvariant()")]
    [InlineData("ToLower()")]
    [InlineData("ToLowerInvariant()")]
    [InlineData("Trim()")]
    [InlineData("TrimStart()")]
    [InlineData("TrimEnd('x')")]
    [InlineData("Replace(\"a\", \"b\")")]
    [InlineData("PadLeft(40)")]
    [InlineData("PadRight(40)")]
    [InlineData("Split(':')[0]")]
    [InlineData("AsSpan().ToString()")]
    [InlineData("AsSpan(1, 3).ToString()")]
    [InlineData("ToCharArray()")]
    [InlineData("Normalize()")]
    public Task Through_a_string_returning_call_on_the_secret(string call) =>
        LeaksAsync("var t = {|#1:secret.Reveal()|}; Console.WriteLine({|#0:t." + call + "|});");

    [Theory]
    [InlineData("var t = {|#1:secret.Reveal()|}; Console.WriteLine({|#0:t[1..]|});")]
    [InlineData("var t = {|#1:secret.Reveal()|}; Console.WriteLine({|#0:t[0]|});")]
    [InlineData("foreach (var part in {|#1:secret.Reveal()|}.Split(',')) { Console.WriteLine({|#0:part|}); }")]
    [InlineData("var parts = {|#1:secret.Reveal()|}.Split(','); Console.WriteLine({|#0:parts.First()|});")]
    [InlineData("object o = {|#1:secret.Reveal()|}; if (o is string s) { Console.WriteLine({|#0:s|}); }")]
    [InlineData("var (a, b) = (text, {|#1:secret.Reveal()|}); Console.WriteLine(a); Console.WriteLine({|#0:b|});")]
    [InlineData("var map = new Dictionary<string, string> { [\"k\"] = {|#1:secret.Reveal()|} }; map.TryGetValue(\"k\", out var v); Console.WriteLine({|#0:v|});")]
    [InlineData("string[] all = [text, {|#1:secret.Reveal()|}]; Console.WriteLine({|#0:string.Join(\",\", all)|});")]
    [InlineData("var all = new[] { {|#1:secret.Reveal()|} }; Console.WriteLine({|#0:all[0]|});")]
    [InlineData("var list = new List<string>(); list.Add({|#1:secret.Reveal()|}); Console.WriteLine({|#0:string.Join(\",\", list)|});")]
    [InlineData("var t = (string?){|#1:secret.Reveal()|}; Console.WriteLine({|#0:t?.Trim()|});")]
    [InlineData("Console.WriteLine({|#0:Convert.ToBase64String(Encoding.UTF8.GetBytes({|#1:secret.Reveal()|}))|});")]
    [InlineData("Console.WriteLine({|#0:new string({|#1:secret.Reveal()|}.Reverse().ToArray())|});")]
    [InlineData("Console.WriteLine({|#0:text.Replace(\"x\", {|#1:secret.Reveal()|})|});")]
    [InlineData("var t = {|#1:secret.Reveal()|}; Console.WriteLine({|#0:t.Replace(text, \"***\")|});")]
    [InlineData("Action log = () => Console.WriteLine({|#0:{|#1:secret.Reveal()|}|}); log();")]
    public Task Through_indexes_loops_patterns_collections_and_conversions(string body) => LeaksAsync(body);

    [Fact]
    public Task Once_per_sink_argument_even_with_two_sources() =>
        Verify.AnalyzeAsync(
            Code.InMethod("Console.WriteLine({|#0:{|#1:secret.Reveal()|} + credentials.SecretAccessKey|});"),
            Leak);

    // Not a leak

    [Theory]
    [InlineData("masker.AddMask(secret.Reveal());")]
    [InlineData("masker.AddMask(credentials.SecretAccessKey);")]
    [InlineData("Console.WriteLine(\"::add-mask::\" + secret.Reveal());")]
    [InlineData("Console.WriteLine($\"::add-mask::{secret.Reveal()}\");")]
    public Task The_mask_command(string statement) => NoLeakAsync(statement);

    [Theory]
    [InlineData("Console.WriteLine(secret.Reveal().Length);")]
    [InlineData("Console.WriteLine($\"{secret.Reveal().Length} characters\");")]
    [InlineData("Console.WriteLine(secret.Reveal() == text);")]
    [InlineData("Console.WriteLine(secret.Reveal().Equals(text, StringComparison.Ordinal));")]
    [InlineData("Console.WriteLine(string.IsNullOrEmpty(secret.Reveal()));")]
    [InlineData("Console.WriteLine(secret.Reveal().StartsWith(\"A\", StringComparison.Ordinal));")]
    [InlineData("Console.WriteLine(secret.Reveal().GetHashCode());")]
    [InlineData("Console.WriteLine(string.Compare(secret.Reveal(), text, StringComparison.Ordinal));")]
    [InlineData("Console.WriteLine(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(secret.Reveal()))));")]
    [InlineData("var n = secret.Reveal().Length; Console.WriteLine(n);")]
    [InlineData("int.TryParse(secret.Reveal(), out var number); Console.WriteLine(number);")]
    public Task Its_length_comparisons_equality_and_hashes(string statement) => NoLeakAsync(statement);

    [Theory]
    [InlineData("Console.WriteLine(text.Replace(secret.Reveal(), \"***\"));")]
    [InlineData("throw new InvalidOperationException(\"failed: \" + text.Replace(secret.Reveal(), \"***\", StringComparison.Ordinal));")]
    public Task A_text_with_the_secret_replaced(string statement) => NoLeakAsync(statement);

    [Theory]
    [InlineData("Console.WriteLine(inputs.ApiToken);")]
    [InlineData("Console.WriteLine($\"token={secret}\");")]
    [InlineData("Console.WriteLine(Secret.Create(credentials.SecretAccessKey, masker));")]
    [InlineData("Console.WriteLine(secret.IsEmpty);")]
    public Task A_Secret_itself_which_prints_as_stars(string statement) => NoLeakAsync(statement);

    [Theory]
    [InlineData("Console.WriteLine(inputs.TokenFile);")]
    [InlineData("Console.WriteLine(inputs.Region);")]
    [InlineData("var secretAccessKey = text; Console.WriteLine(secretAccessKey);")]
    [InlineData("Console.WriteLine(Environment.GetEnvironmentVariable(\"AWS_REGION\"));")]
    [InlineData("Console.WriteLine(Environment.GetEnvironmentVariable(text));")]
    [InlineData("Console.WriteLine(credentials.Expiration);")]
    public Task A_plain_value_with_a_secret_sounding_name(string statement) => NoLeakAsync(statement);

    [Theory]
    [InlineData("outputs.SetToken(secret);")]
    [InlineData("sink.SetOutput(\"token\", secret.Reveal());")]
    [InlineData("var signing = new Amazon.Runtime.BasicAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey);")]
    [InlineData("var request = new Amazon.SecurityToken.Model.AssumeRoleWithWebIdentityRequest { WebIdentityToken = secret.Reveal() };")]
    [InlineData("Use(secret.Reveal());")]
    public Task Passing_it_to_a_secret_output_the_sdk_or_a_method(string statement) =>
        NoLeakAsync(statement, "static void Use(string value) { }");

    [Fact]
    public Task The_redaction_and_mask_methods_of_a_log_type_marked_LogSink() =>
        NoLeakAsync(
            "log.AddMask(secret.Reveal()); log.Info(log.Redact(secret.Reveal()));",
            """
            Log log = null!;
            [LogSink]
            sealed class Log : ISecretMasker
            {
                public void AddMask(string value) { }
                public string Redact(string text) => text;
                public void Info(string message) { }
            }
            """);

    [Fact]
    public Task A_method_without_any_source_is_not_followed_at_all() =>
        NoLeakAsync("var t = text.Trim(); Console.WriteLine(t + Environment.GetEnvironmentVariable(\"HOME\"));");
}
