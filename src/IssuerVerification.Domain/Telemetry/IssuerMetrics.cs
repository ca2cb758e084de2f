using System.Diagnostics.Metrics;
using IssuerVerification.Domain.Verification;

namespace IssuerVerification.Domain.Telemetry;

/// <summary>
/// The service's own instruments, in the meter <see cref="MeterName"/> (docs/operations.md#metrics). Attributes carry
/// operations, results and reasons only: never a PAN, a value, a key or a client's identifiers.
/// </summary>
public sealed class IssuerMetrics
{
    public const string MeterName = "IssuerVerification";

    private readonly Counter<long> _verifications;
    private readonly Counter<long> _lockouts;
    private readonly Counter<long> _atcRejections;
    private readonly Counter<long> _dcvv2Values;
    private readonly Counter<long> _tokenDecisions;
    private readonly Counter<long> _stepUps;
    private readonly Counter<long> _threeDsResults;
    private readonly Counter<long> _callbacks;
    private readonly Counter<long> _deliveries;

    public IssuerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _verifications = meter.CreateCounter<long>("issuer.verifications", "{verification}", "Verifications answered, by operation, result and reason.");
        _lockouts = meter.CreateCounter<long>("issuer.lockouts", "{lockout}", "Cards locked by the failure that reached their range's maximum.");
        _atcRejections = meter.CreateCounter<long>("issuer.atc.rejections", "{verification}", "Dynamic verifications refused for their ATC (replay or out of range).");
        _dcvv2Values = meter.CreateCounter<long>("issuer.dcvv2.values_issued", "{value}", "dCVV2 values issued (one per window).");
        _tokenDecisions = meter.CreateCounter<long>("issuer.token.decisions", "{decision}", "Token verification decisions: green, yellow or red.");
        _stepUps = meter.CreateCounter<long>("issuer.token.step_ups", "{step_up}", "Step-ups ended, by final status.");
        _threeDsResults = meter.CreateCounter<long>("issuer.three_ds.results", "{result}", "3-D Secure ARes and final results, by transStatus (C: a challenge began).");
        _callbacks = meter.CreateCounter<long>("issuer.callback.attempts", "{attempt}", "Callback deliveries attempted; failed ones carry error.type.");
        _deliveries = meter.CreateCounter<long>("issuer.delivery.attempts", "{attempt}", "OTP messages handed to the delivery channel; failed ones carry error.type.");
    }

    /// <summary>A verification's answer as it stands; a lock it started and an ATC refusal are counted besides.</summary>
    public void Verified(string operation, VerificationResult result, bool locked)
    {
        var op = new KeyValuePair<string, object?>("issuer.operation", operation);
        if (result.IsMatch)
        {
            _verifications.Add(1, op, new("issuer.result", "match"));
            return;
        }
        var reason = new KeyValuePair<string, object?>("issuer.reason", result.Reason?.Code());
        _verifications.Add(1, op, new("issuer.result", "no_match"), reason);
        if (locked)
        {
            _lockouts.Add(1, op);
        }
        if (result.Reason is MismatchReason.AtcReplay or MismatchReason.AtcOutOfRange)
        {
            _atcRejections.Add(1, op, reason);
        }
    }

    public void Dcvv2Issued(int values) => _dcvv2Values.Add(values);

    public void TokenDecided(string decision) => _tokenDecisions.Add(1, new KeyValuePair<string, object?>("issuer.token.decision", decision));

    public void StepUpEnded(string status) => _stepUps.Add(1, new KeyValuePair<string, object?>("issuer.token.status", status));

    /// <summary>An ARes sent (C when it opened a challenge) or a challenge's final result stored.</summary>
    public void ThreeDsResult(string transStatus) => _threeDsResults.Add(1, new KeyValuePair<string, object?>("issuer.three_ds.trans_status", transStatus));

    /// <summary>One callback attempt; <paramref name="error"/> is null when it was delivered.</summary>
    public void CallbackAttempted(string? error)
    {
        if (error is null)
        {
            _callbacks.Add(1);
        }
        else
        {
            _callbacks.Add(1, ErrorType(error));
        }
    }

    /// <summary>One OTP message handed to <paramref name="channel"/>; <paramref name="error"/> is null when it was accepted.</summary>
    public void DeliveryAttempted(string channel, string? error)
    {
        var tag = new KeyValuePair<string, object?>("issuer.delivery.channel", channel);
        if (error is null)
        {
            _deliveries.Add(1, tag);
        }
        else
        {
            _deliveries.Add(1, tag, ErrorType(error));
        }
    }

    private static KeyValuePair<string, object?> ErrorType(string error) => new("error.type", error);
}
