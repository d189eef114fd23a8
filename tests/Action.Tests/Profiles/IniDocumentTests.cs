using System.Collections.Generic;
using Cac.Action.Profiles;

namespace Cac.Action.Tests.Profiles;

public sealed class IniDocumentTests
{
    private static KeyValuePair<string, string>[] Pairs(params (string Key, string Value)[] pairs)
    {
        var list = new KeyValuePair<string, string>[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            list[i] = new(pairs[i].Key, pairs[i].Value);
        }

        return list;
    }

    private static Dictionary<string, string> Values(params (string Key, string Value)[] pairs)
    {
        var values = new Dictionary<string, string>();
        foreach (var (key, value) in pairs)
        {
            values[key] = value;
        }

        return values;
    }

    [Fact]
    public void A_single_section_is_read()
    {
        var document = IniDocument.Parse("[dev]\naws_access_key_id=AKIA\naws_secret_access_key=secret\n");

        Assert.Equal(new[] { "dev" }, document.SectionNames);
        Assert.Equal(Values(("aws_access_key_id", "AKIA"), ("aws_secret_access_key", "secret")), document.GetValues("dev"));
    }

    [Fact]
    public void Multiple_sections_are_read()
    {
        var document = IniDocument.Parse("[dev]\nkey=dev_val\n\n[prod]\nkey=prod_val\n");

        Assert.Equal(new[] { "dev", "prod" }, document.SectionNames);
        Assert.Equal("dev_val", document.GetValues("dev")!["key"]);
        Assert.Equal("prod_val", document.GetValues("prod")!["key"]);
    }

    [Fact]
    public void Comments_and_blank_lines_are_not_values()
    {
        var document = IniDocument.Parse("# comment\n; another\n\n[dev]\n# inside\nkey=val\n;x=y\n");

        Assert.Equal(Values(("key", "val")), document.GetValues("dev"));
    }

    [Fact]
    public void Keys_and_values_are_trimmed_and_section_names_kept_literally()
    {
        var document = IniDocument.Parse("[profile dev]\n  key  =  val  \n");

        Assert.Equal(new[] { "profile dev" }, document.SectionNames);
        Assert.Equal("val", document.GetValues("profile dev")!["key"]);
    }

    [Fact]
    public void An_equals_sign_in_a_value_and_an_empty_value_are_kept()
    {
        var document = IniDocument.Parse("[dev]\naws_session_token = FwoGZXIvYXdzEBYa/base64==\ncli_pager=\n");

        Assert.Equal(Values(("aws_session_token", "FwoGZXIvYXdzEBYa/base64=="), ("cli_pager", string.Empty)), document.GetValues("dev"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  \t\n")]
    [InlineData(null)]
    public void Empty_or_blank_text_has_no_sections(string? text)
    {
        Assert.Empty(IniDocument.Parse(text).SectionNames);
    }

    [Fact]
    public void Proto_is_an_ordinary_section_and_key_name()
    {
        var document = IniDocument.Parse("[__proto__]\npolluted = yes\n\n[safe]\n__proto__ = x\nkey = val\n");

        Assert.Equal(new[] { "__proto__", "safe" }, document.SectionNames);
        Assert.Equal(Values(("polluted", "yes")), document.GetValues("__proto__"));
        Assert.Equal(Values(("__proto__", "x"), ("key", "val")), document.GetValues("safe"));
    }

    [Fact]
    public void CRLF_text_reads_like_LF_and_stays_CRLF()
    {
        var text = "# keys\r\n[dev]\r\nkey = val\r\n\r\n[prod]\r\nkey = p\r\n";
        var document = IniDocument.Parse(text);

        Assert.Equal(new[] { "dev", "prod" }, document.SectionNames);
        Assert.Equal("val", document.GetValues("dev")!["key"]);
        Assert.Equal(text, document.Render());

        document.SetSection("dev", Pairs(("key", "new")));
        Assert.Equal("# keys\r\n[dev]\r\nkey = new\r\n\r\n[prod]\r\nkey = p\r\n", document.Render());
    }

    [Fact]
    public void Nested_settings_are_continuations_not_keys()
    {
        var document = IniDocument.Parse("[profile dev]\nregion = eu-west-1\ns3 =\n    max_concurrent_requests = 20\n    addressing_style = path\noutput = json\n");

        Assert.Equal(Values(("region", "eu-west-1"), ("s3", string.Empty), ("output", "json")), document.GetValues("profile dev"));
    }

    [Fact]
    public void A_missing_section_has_no_values()
    {
        Assert.Null(IniDocument.Parse("[dev]\na = 1\n").GetValues("prod"));
        Assert.False(IniDocument.Parse("[dev]\na = 1\n").Contains("Dev"));
    }

    [Fact]
    public void A_header_may_carry_a_trailing_comment_but_not_other_text()
    {
        var document = IniDocument.Parse("[dev] # mine\na = 1\n[prod] x\nb = 2\n");

        Assert.Equal(new[] { "dev" }, document.SectionNames);
    }

    [Theory]
    [InlineData("[dev]\nkey = val\n")]
    [InlineData("# top\n\nstray line\n[dev]\n; c\nkey=val\n\n\n[numbers]\n  indented = 1\n# end\n")]
    [InlineData("[b]\n[a]\n")]
    public void Rendering_an_unedited_document_gives_back_its_text(string text)
    {
        Assert.Equal(text, IniDocument.Parse(text).Render());
    }

    [Fact]
    public void A_missing_final_line_break_is_added()
    {
        Assert.Equal("[dev]\nkey = val\n", IniDocument.Parse("[dev]\nkey = val").Render());
    }

    [Fact]
    public void A_new_section_in_an_empty_document_is_written_alone()
    {
        var document = IniDocument.Parse(string.Empty);

        document.SetSection("dev", Pairs(("key", "val")));

        Assert.Equal("[dev]\nkey = val\n", document.Render());
    }

    [Fact]
    public void A_section_without_keys_is_just_its_header()
    {
        var document = IniDocument.Parse(null);

        document.SetSection("dev", Pairs());

        Assert.Equal("[dev]\n", document.Render());
    }

    [Fact]
    public void A_new_section_is_appended_after_one_blank_line()
    {
        var document = IniDocument.Parse("[dev]\na = 1\n\n\n");

        document.SetSection("prod", Pairs(("b", "2")));

        Assert.Equal("[dev]\na = 1\n\n[prod]\nb = 2\n", document.Render());
    }

    [Fact]
    public void A_replaced_section_keeps_its_place_and_loses_its_old_keys()
    {
        var document = IniDocument.Parse("[dev]\na = 1\nstale = yes\n\n[prod]\nb = 2\n");

        document.SetSection("dev", Pairs(("a", "3")));

        Assert.Equal("[dev]\na = 3\n\n[prod]\nb = 2\n", document.Render());
        Assert.Equal(Values(("a", "3")), document.GetValues("dev"));
    }

    [Fact]
    public void Comments_after_a_replaced_section_belong_to_what_follows_and_stay()
    {
        var document = IniDocument.Parse("[dev]\n# old dev note\na = 1\n\n# production account\n[prod]\nb = 2\n");

        document.SetSection("dev", Pairs(("a", "3")));

        Assert.Equal("[dev]\na = 3\n\n# production account\n[prod]\nb = 2\n", document.Render());
    }

    [Fact]
    public void Numeric_section_names_keep_their_place()
    {
        var document = IniDocument.Parse("[dev]\na = 1\n\n[123]\nb = 2\n");

        document.SetSection("7", Pairs(("c", "3")));

        Assert.Equal(new[] { "dev", "123", "7" }, document.SectionNames);
        Assert.Equal("[dev]\na = 1\n\n[123]\nb = 2\n\n[7]\nc = 3\n", document.Render());
    }

    [Fact]
    public void Duplicate_sections_are_merged_into_the_first_on_replace()
    {
        var document = IniDocument.Parse("[dev]\na = 1\n\n[prod]\nb = 2\n\n[dev]\nc = 3\n");

        document.SetSection("dev", Pairs(("a", "9")));

        Assert.Equal("[dev]\na = 9\n\n[prod]\nb = 2\n", document.Render());
    }

    [Fact]
    public void Removing_an_appended_section_gives_back_the_original_text()
    {
        const string original = "# mine\n[personal]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n";
        var document = IniDocument.Parse(original);
        document.SetSection("dev", Pairs(("region", "us-east-1")));

        Assert.True(document.RemoveSection("dev"));

        Assert.Equal(original, document.Render());
    }

    [Fact]
    public void Removing_a_middle_section_leaves_one_blank_line()
    {
        var document = IniDocument.Parse("[a]\nx = 1\n\n[dev]\nk = v\n\n[b]\ny = 2\n");

        Assert.True(document.RemoveSection("dev"));

        Assert.Equal("[a]\nx = 1\n\n[b]\ny = 2\n", document.Render());
    }

    [Fact]
    public void Removing_the_only_section_leaves_an_empty_document()
    {
        var document = IniDocument.Parse("[dev]\nk = v\n");

        Assert.True(document.RemoveSection("dev"));
        Assert.False(document.RemoveSection("dev"));

        Assert.Equal(string.Empty, document.Render());
    }
    [Theory]
    [InlineData("# head\n[a]\nx = 1\n\n[dev]\n  ; inside\nk = v # note\ns3 =\n  max = 4\n\n# about b\n[b]\ny = 2\n")]
    [InlineData("[dev]\nk = v\n")]
    [InlineData("[a]\nx = 1\n[dev]\nk = 1\n[b]\n[dev]\nj = 2\n")]
    [InlineData("[a]\r\nx = 1\r\n\r\n[dev]\r\nk = v\r\n")]
    public void A_section_overwritten_then_restored_gives_the_text_back(string original)
    {
        var document = IniDocument.Parse(original);
        var kept = document.SectionText("dev");
        document.SetSection("dev", Pairs(("aws_access_key_id", "ASIANEW000EXAMPLE")));

        document.RestoreSection("dev", kept);

        // Duplicated blocks come back together, in the first one's place.
        var expected = original.Contains("[b]\n[dev]", System.StringComparison.Ordinal) ? "[a]\nx = 1\n[dev]\nk = 1\n[dev]\nj = 2\n[b]\n" : original;
        Assert.Equal(expected, document.Render());
    }

    [Fact]
    public void Restoring_a_section_that_was_not_there_removes_it_and_one_that_is_gone_is_appended()
    {
        const string original = "[a]\nx = 1\n";
        var document = IniDocument.Parse(original);
        Assert.Null(document.SectionText("dev"));
        document.SetSection("dev", Pairs(("k", "v")));

        document.RestoreSection("dev", null);
        Assert.Equal(original, document.Render());

        document.RestoreSection("dev", "[dev]\nk = old\n");
        Assert.Equal("[a]\nx = 1\n\n[dev]\nk = old\n", document.Render());
    }
}
