using System.Linq;
using Cac.Action.Tags;
using Cac.Action.Tests.TestSupport;

namespace Cac.Action.Tests.Tags;

public class SessionTagBuilderTests
{
    [Fact]
    public void BuiltIn_with_a_complete_runner_gives_the_13_upstream_tags_in_order()
    {
        var tags = SessionTagBuilder.BuiltIn(Env.RunnerWith());

        Assert.Equal(
            new[]
            {
                new SessionTag("GitHub", "Actions"),
                new SessionTag("Repository", "MY-REPOSITORY-NAME"),
                new SessionTag("Workflow", "MY-WORKFLOW-ID"),
                new SessionTag("Action", "MY-ACTION-NAME"),
                new SessionTag("Actor", "MY-USERNAME_bot_"),
                new SessionTag("Commit", "MY-COMMIT-ID"),
                new SessionTag("Branch", "refs/pull/42/merge"),
                new SessionTag("EventName", "pull_request"),
                new SessionTag("BaseRef", "main"),
                new SessionTag("HeadRef", "feature-branch"),
                new SessionTag("RunId", "16412345678"),
                new SessionTag("Job", "build"),
                new SessionTag("TriggeringActor", "MY-USERNAME_bot_"),
            },
            tags);
    }

    [Fact]
    public void BuiltIn_omits_droppable_tags_whose_variable_is_unset_or_empty()
    {
        var environment = Env.RunnerWith(("GITHUB_BASE_REF", null), ("GITHUB_HEAD_REF", ""), ("GITHUB_TRIGGERING_ACTOR", null));

        var keys = SessionTagBuilder.BuiltIn(environment).Select(tag => tag.Key).ToList();

        Assert.Equal(
            new[] { "GitHub", "Repository", "Workflow", "Action", "Actor", "Commit", "Branch", "EventName", "RunId", "Job" },
            keys);
    }

    [Fact]
    public void BuiltIn_with_an_empty_environment_gives_only_GitHub_Actions()
    {
        Assert.Equal(new[] { new SessionTag("GitHub", "Actions") }, SessionTagBuilder.BuiltIn(Env.Of()));
    }

    [Fact]
    public void BuiltIn_sanitizes_and_truncates_values()
    {
        var environment = Env.RunnerWith(("GITHUB_HEAD_REF", "feature/has spaces&bad?chars"), ("GITHUB_JOB", new string('a', 300)));

        var tags = SessionTagBuilder.BuiltIn(environment);

        Assert.Contains(new SessionTag("HeadRef", "feature/has spaces_bad_chars"), tags);
        Assert.Equal(256, tags.Single(tag => tag.Key == "Job").Value.Length);
    }

    [Theory]
    [InlineData("GitHub", true)]
    [InlineData("github", true)]
    [InlineData("REPOSITORY", true)]
    [InlineData("eventName", true)]
    [InlineData("TriggeringActor", true)]
    [InlineData("Environment", false)]
    [InlineData("GitHubX", false)]
    [InlineData("", false)]
    public void IsProtected_compares_keys_without_case(string key, bool expected)
    {
        Assert.Equal(expected, SessionTagBuilder.IsProtected(key));
    }

    [Theory]
    [InlineData("EventName", true)]
    [InlineData("BaseRef", true)]
    [InlineData("HeadRef", true)]
    [InlineData("RunId", true)]
    [InlineData("Job", true)]
    [InlineData("TriggeringActor", true)]
    [InlineData("GitHub", false)]
    [InlineData("Repository", false)]
    [InlineData("Branch", false)]
    public void IsDroppable_is_true_for_the_six_droppable_keys_only(string key, bool expected)
    {
        Assert.Equal(expected, SessionTagBuilder.IsDroppable(key));
    }
}
