using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Cac.Emulators.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Cac.Emulators.Sts;

/// <summary>
/// The emulator's request pipeline: parse, apply an injected fault, authenticate, dispatch to the action,
/// log, answer. The log entry is written before the answer, so a client that has its answer sees its entry.
/// </summary>
internal sealed class StsRequestProcessor
{
    private readonly StsBehavior _behavior;
    private readonly RequestLog<StsRequestRecord> _log;

    public StsRequestProcessor(StsBehavior behavior, RequestLog<StsRequestRecord> log)
    {
        _behavior = behavior;
        _log = log;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var now = DateTimeOffset.UtcNow;
        var body = await ReadBodyAsync(request).ConfigureAwait(false);
        var parameters = Parameters(request, body);
        var actionName = parameters.GetValueOrDefault("Action");
        var action = ParseAction(actionName);
        var requestId = RandomIds.RequestId();

        void Log(int status, string? errorCode, StsFault? fault) => _log.Add(new StsRequestRecord(
            now,
            actionName,
            parameters,
            SigV4Verifier.SigningAccessKeyId(request),
            request.Headers.ContainsKey("X-Amz-Security-Token"),
            request.Headers.UserAgent.ToString(),
            status,
            errorCode,
            fault));

        byte[] answer;
        int status;
        string? errorCode = null;
        TimeSpan? retryAfter = null;
        _behavior.Faults.TryTake(entry => entry.Action is null || entry.Action == action, out var taken);
        var fault = taken.Fault;
        try
        {
            switch (fault?.Kind)
            {
                case StsFaultKind.Delay:
                    await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                    break;
                case StsFaultKind.DropConnection:
                    Log(0, null, fault);
                    context.Abort();
                    return;
                case StsFaultKind.Redirect:
                    Log(fault.StatusCode, null, fault);
                    await HostileAnswers.RedirectAsync(context, fault.StatusCode, fault.Location!).ConfigureAwait(false);
                    return;
                case StsFaultKind.Throttling:
                    throw StsErrors.Throttling(fault.Message, fault.RetryAfter);
                case StsFaultKind.InternalFailure:
                    throw StsErrors.InternalFailure();
                case StsFaultKind.ServiceUnavailable:
                    throw StsErrors.ServiceUnavailable();
                case StsFaultKind.IdpCommunicationError:
                    throw StsErrors.IdpCommunicationError();
            }

            if (!_behavior.TryAdmit(out var limit))
            {
                throw StsErrors.Throttling(retryAfter: limit!.RetryAfter);
            }

            if (action is not { } known)
            {
                throw StsErrors.InvalidAction(actionName);
            }

            // The SDK sends AssumeRoleWithWebIdentity unsigned; the token is its credential.
            var caller = known == StsAction.AssumeRoleWithWebIdentity ? null : SigV4Verifier.Verify(request, body, _behavior, now);
            var call = new StsCall(known, parameters, caller, requestId, now);
            answer = known switch
            {
                StsAction.AssumeRole => AssumeRoleHandler.Handle(call, _behavior),
                StsAction.AssumeRoleWithWebIdentity => AssumeRoleWithWebIdentityHandler.Handle(call, _behavior),
                _ => GetCallerIdentityHandler.Handle(call),
            };
            status = 200;
        }
        catch (StsErrorException error)
        {
            answer = StsXmlWriter.Error(error, requestId);
            status = error.StatusCode;
            errorCode = error.Code;
            retryAfter = error.RetryAfter;
        }

        Log(status, errorCode, fault);
        var response = context.Response;
        response.Headers["x-amzn-RequestId"] = requestId;
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        switch (fault?.Kind)
        {
            case StsFaultKind.DripBody:
                await HostileAnswers.DripAsync(context, status, "text/xml", answer, fault.Delay).ConfigureAwait(false);
                return;
            case StsFaultKind.Oversized:
                answer = StsXmlWriter.Padded(answer, fault.Size);
                break;
            case StsFaultKind.Doctype:
                answer = StsXmlWriter.WithDoctype(answer);
                break;
        }

        response.StatusCode = status;
        response.ContentType = "text/xml";
        await response.Body.WriteAsync(answer, context.RequestAborted).ConfigureAwait(false);
    }

    private static StsAction? ParseAction(string? name) =>
        Enum.TryParse<StsAction>(name, ignoreCase: false, out var action) && action.ToString() == name ? action : null;

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>Query-string and form parameters together, as STS accepts both; the form wins on a clash.</summary>
    private static Dictionary<string, string> Parameters(HttpRequest request, byte[] body)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            parameters[key] = value.ToString();
        }

        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
            {
                parameters[key] = value.ToString();
            }
        }

        return parameters;
    }
}
