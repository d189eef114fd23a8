using System;

namespace Cac.Action.Credentials;

/// <summary>
/// Raised inside an assume attempt when <c>special-characters-workaround</c> is on and the new keys contain
/// a character some tools mishandle: the retry loop then asks STS for another set.
/// </summary>
public sealed class SpecialCharactersException : Exception
{
    public SpecialCharactersException()
        : base("The returned credentials contain special characters")
    {
    }

    public SpecialCharactersException(string message)
        : base(message)
    {
    }

    public SpecialCharactersException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
