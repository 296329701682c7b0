namespace CartLedger.Imaging.Phantom.Heart;

/// <summary>
/// Regional contraction: each point of the wall starts to shorten at its own activation delay (plus an
/// electromechanical delay), reaches its peak active shortening after <see cref="RiseMs"/> and relaxes over
/// <see cref="DecayMs"/>. Points that shorten early stretch the ones not yet active and are stretched back by them
/// later (a zero-mean redistribution with weight <see cref="Coupling"/>): the LBBB pattern of early septal
/// shortening, lateral pre-stretch and septal rebound, while the global function follows the mean active shortening.
/// </summary>
public sealed class ContractionModel
{
    public ContractionModel(RegionalGrid delayMs, RegionalGrid amplitude, double rrMs, double riseMs, double decayMs,
        double electromechanicalDelayMs, double coupling, double longitudinalRatio, double apicalTwistDeg, double basalTwistDeg,
        double rvAmplitude, double rvDelayMs)
    {
        DelayMs = delayMs;
        Amplitude = amplitude;
        RrMs = rrMs;
        RiseMs = riseMs;
        DecayMs = decayMs;
        ElectromechanicalDelayMs = electromechanicalDelayMs;
        Coupling = coupling;
        LongitudinalRatio = longitudinalRatio;
        ApicalTwistDeg = apicalTwistDeg;
        BasalTwistDeg = basalTwistDeg;
        RvAmplitude = rvAmplitude;
        RvDelayMs = rvDelayMs;
        _meanActiveAtPeak = Enumerable.Range(0, 200).Select(i => MeanActive(i * rrMs / 200)).Min();
    }

    private readonly double _meanActiveAtPeak;

    /// <summary>Activation delay after the R wave, ms (the electrical input of the model).</summary>
    public RegionalGrid DelayMs { get; }

    /// <summary>Peak active endocardial circumferential shortening (fraction, positive), reduced in scar.</summary>
    public RegionalGrid Amplitude { get; }

    public double RrMs { get; }
    public double RiseMs { get; }
    public double DecayMs { get; }
    public double ElectromechanicalDelayMs { get; }
    public double Coupling { get; }
    public double LongitudinalRatio { get; }
    public double ApicalTwistDeg { get; }
    public double BasalTwistDeg { get; }
    public double RvAmplitude { get; }
    public double RvDelayMs { get; }

    /// <summary>The shape of active shortening: 0 before onset, sin^2 rise to 1, cos^2 relaxation to 0.</summary>
    public double Profile(double sinceActivationMs)
    {
        var u = sinceActivationMs - ElectromechanicalDelayMs;
        if (u <= 0)
        {
            return 0;
        }
        if (u < RiseMs)
        {
            var x = Math.Sin(Math.PI * u / (2 * RiseMs));
            return x * x;
        }
        if (u < RiseMs + DecayMs)
        {
            var x = Math.Cos(Math.PI * (u - RiseMs) / (2 * DecayMs));
            return x * x;
        }
        return 0;
    }

    /// <summary>Active strain (negative = shortening) at one point of the wall.</summary>
    public double Active(double s, double thetaDeg, double timeMs) => -Amplitude[s, thetaDeg] * Profile(timeMs - DelayMs[s, thetaDeg]);

    /// <summary>Mean active strain over the wall (levels weighted alike, angles alike).</summary>
    public double MeanActive(double timeMs)
    {
        double sum = 0;
        var n = 0;
        for (var row = 0; row < RegionalGrid.Levels; row += 3)
        {
            for (var column = 0; column < RegionalGrid.Angles; column += 3)
            {
                sum += Active(RegionalGrid.LevelAt(row), RegionalGrid.ThetaAt(column), timeMs);
                n++;
            }
        }
        return sum / n;
    }

    /// <summary>The state of the whole heart at a time after the R wave (wraps over the R-R interval).</summary>
    public CardiacPhase At(double timeMs)
    {
        var t = timeMs - Math.Floor(timeMs / RrMs) * RrMs;
        var mean = MeanActive(t);
        var strain = RegionalGrid.From((s, theta) => Strain(s, theta, t, mean));
        var fraction = _meanActiveAtPeak < 0 ? mean / _meanActiveAtPeak : 0;
        return new CardiacPhase(t, strain, LongitudinalRatio * mean, fraction * ApicalTwistDeg, fraction * BasalTwistDeg,
            -RvAmplitude * Profile(t - RvDelayMs));
    }

    /// <summary>Endocardial circumferential strain at a point: active plus the redistribution from its neighbours.</summary>
    public double Strain(double s, double thetaDeg, double timeMs, double meanActive)
    {
        var a = Active(s, thetaDeg, timeMs);
        return a - Coupling * (meanActive - a);
    }
}
