using System.Linq;
using Cac.Action.Tags;

namespace Cac.Action.Tests.Tags;

public class CustomTagsParserTests
{
    private const string Allowed = "Allowed: unicode letters, digits, spaces, and _.:/=+-@";

    private static (string Key, string Value)[] Parsed(string json)
    {
        var tags = CustomTagsParser.Parse(json, out var error);
        Assert.Null(error);
        return tags.Select(tag => (tag.Key, tag.Value)).ToArray();
    }

    private static string ErrorOf(string json)
    {
        var tags = CustomTagsParser.Parse(json, out var error);
        Assert.NotNull(error);
        Assert.Empty(tags);
        return error;
    }

    [Fact]
    public void Empty_input_gives_no_tags_and_no_error()
    {
        Assert.Empty(Parsed(""));
    }

    [Fact]
    public void An_object_of_strings_gives_tags_in_insertion_order()
    {
        Assert.Equal(
            new[] { ("Environment", "Production"), ("Team", "DevOps") },
            Parsed("{\"Environment\":\"Production\",\"Team\":\"DevOps\"}"));
    }

    [Fact]
    public void An_empty_object_gives_no_tags()
    {
        Assert.Empty(Parsed("{}"));
    }

    [Theory]
    [InlineData("not a json")]
    [InlineData("{\"a\":\"b\",}")]
    [InlineData("{'a':'b'}")]
    [InlineData("{\"a\":\"b\"} x")]
    [InlineData("{\"a\":\"b\" /* comment */}")]
    public void Text_that_is_not_JSON_is_rejected(string json)
    {
        Assert.Equal("custom-tags: input is not valid JSON", ErrorOf(json));
    }

    [Theory]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("null")]
    public void JSON_that_is_not_an_object_is_rejected(string json)
    {
        Assert.Equal("custom-tags: input must be a JSON object (not an array or primitive)", ErrorOf(json));
    }

    [Theory]
    [InlineData("{\"k\":null}")]
    [InlineData("{\"k\":[\"a\"]}")]
    [InlineData("{\"k\":{\"nested\":\"x\"}}")]
    public void Null_array_and_object_values_are_rejected(string json)
    {
        Assert.Equal("custom-tags: value for key 'k' must be a string, number, or boolean (not an object or array)", ErrorOf(json));
    }

    [Theory]
    [InlineData("1.50", "1.5")]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("1e3", "1000")]
    [InlineData("0.1", "0.1")]
    [InlineData("123.456", "123.456")]
    [InlineData("1e21", "1e+21")]
    [InlineData("1.5e21", "1.5e+21")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("123456789012345678", "123456789012345680")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("0.0000001", "1e-7")]
    [InlineData("1.5e-7", "1.5e-7")]
    [InlineData("-2.5e-10", "-2.5e-10")]
    [InlineData("1e-400", "0")]
    [InlineData("1e400", "Infinity")]
    [InlineData("-1e400", "-Infinity")]
    public void Numbers_are_written_as_JavaScript_writes_them(string number, string expected)
    {
        Assert.Equal(new[] { ("n", expected) }, Parsed("{\"n\":" + number + "}"));
    }

    [Fact]
    public void Booleans_become_true_and_false()
    {
        Assert.Equal(new[] { ("a", "true"), ("b", "false") }, Parsed("{\"a\":true,\"b\":false}"));
    }

    [Fact]
    public void An_empty_value_is_allowed()
    {
        Assert.Equal(new[] { ("Empty", "") }, Parsed("{\"Empty\":\"\"}"));
    }

    [Fact]
    public void Index_like_keys_come_first_in_ascending_order_then_other_keys_in_insertion_order()
    {
        var tags = Parsed("{\"b\":\"1\",\"10\":\"2\",\"a\":\"3\",\"2\":\"4\",\"01\":\"5\",\"0\":\"6\"}");

        Assert.Equal(new[] { ("0", "6"), ("2", "4"), ("10", "2"), ("b", "1"), ("a", "3"), ("01", "5") }, tags);
    }

    [Fact]
    public void Only_keys_below_two_to_the_32_minus_one_count_as_indices()
    {
        var tags = Parsed("{\"z\":\"1\",\"4294967295\":\"2\",\"4294967294\":\"3\"}");

        Assert.Equal(new[] { ("4294967294", "3"), ("z", "1"), ("4294967295", "2") }, tags);
    }

    [Fact]
    public void A_duplicate_key_keeps_its_first_position_and_its_last_value()
    {
        var tags = Parsed("{\"a\":\"1\",\"b\":\"2\",\"a\":\"3\"}");

        Assert.Equal(new[] { ("a", "3"), ("b", "2") }, tags);
    }

    [Fact]
    public void A_duplicate_key_whose_last_value_is_valid_is_accepted()
    {
        Assert.Equal(new[] { ("a", "ok") }, Parsed("{\"a\":{},\"a\":\"ok\"}"));
    }

    [Theory]
    // The value's type is checked before the key's length.
    [InlineData("{\"\":{}}", "custom-tags: value for key '' must be a string, number, or boolean (not an object or array)")]
    [InlineData("{\"\":\"x\"}", "custom-tags: key '' must be between 1 and 128 characters")]
    // Key length, then value length.
    [InlineData("{\"KKKK\":\"VVVV\"}", "custom-tags: key 'KKKK' must be between 1 and 128 characters")]
    // Value length, then key characters.
    [InlineData("{\"a{\":\"VVVV\"}", "custom-tags: value for key 'a{' exceeds maximum length of 256 characters")]
    // Key characters, then value characters.
    [InlineData("{\"a{\":\"b{\"}", "custom-tags: key 'a{' contains invalid characters. " + Allowed)]
    // Value characters, then protected keys.
    [InlineData("{\"GitHub\":\"b{\"}", "custom-tags: value for key 'GitHub' contains invalid characters. " + Allowed)]
    [InlineData("{\"Repository\":\"evil-repo\"}", "custom-tags: key 'Repository' conflicts with a protected session tag set by this action and cannot be overridden")]
    public void Checks_run_in_upstream_order(string template, string expected)
    {
        var json = template.Replace("KKKK", new string('k', 129), System.StringComparison.Ordinal)
            .Replace("VVVV", new string('v', 257), System.StringComparison.Ordinal);
        var message = expected.Replace("KKKK", new string('k', 129), System.StringComparison.Ordinal);

        Assert.Equal(message, ErrorOf(json));
    }

    [Fact]
    public void Keys_of_128_and_values_of_256_characters_are_accepted()
    {
        var key = new string('k', 128);
        var value = new string('v', 256);

        Assert.Equal(new[] { (key, value) }, Parsed("{\"" + key + "\":\"" + value + "\"}"));
    }

    [Fact]
    public void Lengths_count_UTF16_units()
    {
        // 64 astral letters are 128 UTF-16 units (accepted); one more is 130 (rejected).
        var ok = string.Concat(Enumerable.Repeat("\U0001D400", 64));
        var tooLong = ok + "\U0001D400";

        Assert.Equal(new[] { (ok, "v") }, Parsed("{\"" + ok + "\":\"v\"}"));
        Assert.Equal("custom-tags: key '" + tooLong + "' must be between 1 and 128 characters", ErrorOf("{\"" + tooLong + "\":\"v\"}"));
    }

    [Theory]
    [InlineData("{\"invalid{key}\":\"value\"}", "custom-tags: key 'invalid{key}' contains invalid characters. " + Allowed)]
    [InlineData("{\"k\":\"tab\\there\"}", "custom-tags: value for key 'k' contains invalid characters. " + Allowed)]
    [InlineData("{\"k\":\"a\\ud83d\\ude00\"}", "custom-tags: value for key 'k' contains invalid characters. " + Allowed)]
    [InlineData("{\"k\":\"-1.5\"}", null)]
    [InlineData("{\"Zürich 東京\":\"_.:/=+-@\"}", null)]
    public void Characters_are_checked_per_code_point(string json, string? expected)
    {
        CustomTagsParser.Parse(json, out var error);

        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_lone_surrogate_in_a_value_is_an_invalid_character()
    {
        Assert.Equal(
            "custom-tags: value for key 'k' contains invalid characters. " + Allowed,
            ErrorOf("{\"k\":\"\\ud800\"}"));
    }

    [Fact]
    public void A_lone_surrogate_in_a_key_is_an_invalid_character()
    {
        Assert.Equal(
            "custom-tags: key '" + (char)0xDC00 + "' contains invalid characters. " + Allowed,
            ErrorOf("{\"\\udc00\":\"v\"}"));
    }

    [Theory]
    [InlineData("Repository")]
    [InlineData("EventName")]
    [InlineData("Branch")]
    [InlineData("github")]
    [InlineData("REPOSITORY")]
    [InlineData("triggeringactor")]
    public void Protected_keys_are_rejected_whatever_their_case(string key)
    {
        Assert.Equal(
            "custom-tags: key '" + key + "' conflicts with a protected session tag set by this action and cannot be overridden",
            ErrorOf("{\"" + key + "\":\"x\"}"));
    }

    [Fact]
    public void The_first_failing_entry_in_property_order_is_reported()
    {
        var error = ErrorOf("{\"ok\":\"1\",\"bad{\":\"x\",\"Repository\":\"y\",\"5\":{}}");

        // "5" is index-like, so it is checked first.
        Assert.Equal("custom-tags: value for key '5' must be a string, number, or boolean (not an object or array)", error);
    }
}
