using CartLedger.Imaging.Phantom;
using CartLedger.Imaging.Phantom.Heart;

namespace CartLedger.Imaging.Tests.Phantom;

/// <summary>One quick phantom patient shared by a test class: 2 mm CT, a 256-pixel detector, 10 cine phases.</summary>
public sealed class SmallPhantom
{
    public static PhantomOptions Options(int seed) => new()
    {
        Seed = seed,
        Ct = CtResolution.Fast,
        DetectorPixels = 256,
        DetectorPixelMm = 1.2,
        CinePhases = 10,
        Scar = [new ScarSpec(17, 100), new ScarSpec(18, 90), new ScarSpec(5, 80)],
        Activation = ActivationPattern.Lbbb,
    };

    public PhantomPatient Patient { get; } = PhantomGenerator.Generate(Options(5));
}
