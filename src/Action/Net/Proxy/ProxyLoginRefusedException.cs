namespace Cac.Action.Net.Proxy;

/// <summary>The proxy answered 407 to a CONNECT that carried its login: the login is wrong, and asking again would not change that.</summary>
public sealed class ProxyLoginRefusedException : RefusedAnswerException
{
    public ProxyLoginRefusedException(ProxyEndpoint proxy)
        : base("The proxy " + proxy.Redacted + " refused the user and password of its URL (407 Proxy Authentication Required)")
    {
    }
}
