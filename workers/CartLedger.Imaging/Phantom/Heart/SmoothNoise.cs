namespace CartLedger.Imaging.Phantom.Heart;

/// <summary>
/// A smooth random field over the LV wall (level fraction s, theta): a few low-order products of cosines,
/// periodic in theta, roughly in [-1, 1]. Used for patchy scar, regional contraction and border irregularity.
/// </summary>
public sealed class SmoothNoise
{
    private readonly (double Amplitude, int M, double Phase, double N, double Psi)[] _terms;

    public SmoothNoise(Anatomy.SeededRandom random, int terms = 6, int maxAngularOrder = 4, double maxLevelFrequency = 2.5)
    {
        _terms = new (double, int, double, double, double)[terms];
        for (var i = 0; i < terms; i++)
        {
            _terms[i] = (random.Uniform(0.5, 1.0), random.Integer(1, maxAngularOrder + 1), random.Uniform(0, 2 * Math.PI),
                random.Uniform(0.3, maxLevelFrequency), random.Uniform(0, 2 * Math.PI));
        }
        var norm = _terms.Sum(t => t.Amplitude);
        for (var i = 0; i < terms; i++)
        {
            _terms[i].Amplitude /= norm / 1.6;
        }
    }

    public double this[double s, double thetaDeg]
    {
        get
        {
            var theta = thetaDeg * Math.PI / 180;
            double sum = 0;
            foreach (var (a, m, phase, n, psi) in _terms)
            {
                sum += a * Math.Cos(m * theta + phase) * Math.Cos(Math.PI * n * s + psi);
            }
            return Math.Clamp(sum, -1.0, 1.0);
        }
    }
}
