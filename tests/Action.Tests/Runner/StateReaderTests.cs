using System;
using System.Collections.Generic;
using Cac.Action.Runner;
using Cac.TestSupport;

namespace Cac.Action.Tests.Runner;

public sealed class StateReaderTests
{
    private readonly StateReader reader = new(new DictionaryEnvironment(
    [
        new KeyValuePair<string, string?>("STATE_profile", "dev"),
        new KeyValuePair<string, string?>("STATE_Empty", ""),
    ]));

    [Fact]
    public void Reads_STATE_name_with_the_name_as_written() =>
        Assert.Equal("dev", reader.GetState("profile"));

    [Fact]
    public void The_name_is_case_sensitive()
    {
        Assert.Equal("", reader.GetState("PROFILE"));
        Assert.Null(reader.TryGetState("PROFILE"));
    }

    [Fact]
    public void Missing_state_is_empty_from_GetState_and_null_from_TryGetState()
    {
        Assert.Equal("", reader.GetState("absent"));
        Assert.Null(reader.TryGetState("absent"));
    }

    [Fact]
    public void Saved_empty_state_is_empty_not_null() =>
        Assert.Equal("", reader.TryGetState("Empty"));

    [Fact]
    public void An_empty_name_is_a_programming_error() =>
        Assert.Throws<ArgumentException>(() => reader.GetState(""));
}
