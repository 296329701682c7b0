using CartLedger.Cmr.Contours;
using CartLedger.Cmr.Motion;
using CartLedger.Cmr.Segmentation;
using CartLedger.Cmr.Tests.Synthetic;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Tests;

public sealed class MotionTests
{
    private const int Phases = 20;
    private const double RrMs = 1000;
    private const double FrameMs = RrMs / Phases;

    // Half a frame (sub-frame refinement) plus the shift a 10 degree orientation error causes on the steepest
    // delay gradient (100 ms x sin 10 degrees ~ 17 ms).
    private const double TimeToPeakToleranceMs = FrameMs / 2 + 20;

    // Static edges of the wall share every template and hold the estimate back a little (the aperture problem):
    // the tracker must recover the rotation within 15 % plus 0.3 degrees (0.15 mm at this radius).
    private const double TrackedRotationRelativeTolerance = 0.15;
    private const double TrackedRotationToleranceDeg = 0.3;

    /// <summary>Septum (theta 60) first, lateral wall (theta 240) 200 ms later (LBBB-like), smooth in theta.</summary>
    private static double DelayMs(double thetaDeg) => 100 * (1 + Math.Cos((thetaDeg - 240) * Math.PI / 180));

    private static double PeakMs(double thetaDeg) => RrMs / 3 + DelayMs(thetaDeg);

    private static double Contraction(int phase, double thetaDeg)
    {
        var t = phase * FrameMs;
        var d = (t - PeakMs(thetaDeg)) / (0.15 * RrMs);
        return Math.Exp(-d * d);
    }

    private static readonly SyntheticHeart Delayed = new()
    {
        SliceCount = 6,
        PhaseCount = Phases,
        RrMs = RrMs,
        Radii = (slice, phase, theta) =>
        {
            var c = Contraction(phase, theta);
            return (25 - 1.5 * slice - 5 * c, 35 - 1.2 * slice - 2.5 * c);
        },
    };

    [Fact]
    public void Fourier_time_to_peak_sees_through_frame_noise_on_a_flat_bottomed_curve()
    {
        // A strain valley centred at 430 ms, flat near its bottom, sampled every 50 ms with +-0.6 % alternating
        // noise: the noisiest sample minimum lands a frame or more away; the periodic 4-harmonic fit does not.
        const double PeakMs = 430;
        var times = Enumerable.Range(0, Phases).Select(i => i * FrameMs).ToArray();
        var curve = times.Select((t, i) =>
        {
            var u = Math.Cos(2 * Math.PI * (t - PeakMs) / RrMs);
            return -15 * Math.Pow(0.5 * (1 + u), 2) + (i % 2 == 0 ? 0.6 : -0.6);
        }).ToArray();
        var smooth = TimeToPeak.SmoothMinimumMs(curve, times, RrMs, 0.8 * RrMs, harmonics: 4);
        Assert.NotNull(smooth);
        Assert.InRange(smooth.Value, PeakMs - 15, PeakMs + 15);
        Assert.Equal(smooth, TimeToPeak.SmoothMinimumMs(curve, times, RrMs, 0.8 * RrMs, harmonics: 4));
    }

    [Fact]
    public void Sinusoidal_wall_motion_with_a_known_delay_gives_each_segment_its_time_to_peak()
    {
        var stack = Delayed.Build();
        var segmentation = CineSegmenter.Segment(stack, SegmentationParameters.Default);

        var activation = ActivationAnalysis.Run(CineOrder.BaseToApex(stack), segmentation, TrackingParameters.Default);

        foreach (var segment in activation.Segments)
        {
            var info = Domain.Segments.SegmentModels.Describe(segment.Segment);
            var expected = PeakMs(info.Range.CentreDeg);
            Assert.NotNull(segment.TimeToPeakMs);
            Assert.True(Math.Abs(segment.TimeToPeakMs!.Value - expected) <= TimeToPeakToleranceMs,
                $"{info.Label}: time to peak {segment.TimeToPeakMs:0} ms, expected {expected:0} ms");
            Assert.True(segment.PeakCircumferentialPercent < -5, $"{info.Label}: shortening {segment.PeakCircumferentialPercent:0.0} %");
            Assert.True(segment.PeakRadialPercent > 5, $"{info.Label}: thickening {segment.PeakRadialPercent:0.0} %");
        }
        Assert.InRange(activation.MaximumDelayMs, 150, 250);
    }

    [Fact]
    public void A_rotating_textured_wall_is_tracked_round_the_contour()
    {
        const double degreesPerPhase = 1.5;
        var heart = new SyntheticHeart
        {
            SliceCount = 1,
            PhaseCount = 10,
            WithRv = false,
            NoiseSd = 2,
            TextureAmplitude = 30,
            TextureRotationDeg = phase => degreesPerPhase * (phase < 5 ? phase : 10 - phase),
            Radii = (_, _, _) => (22, 34),
        };
        var slice = heart.Build().Slices[0];
        var grid = new PixelGrid(heart.PixelMm, heart.PixelMm);
        var centre = new Vec2((heart.Size - 1) / 2.0, (heart.Size - 1) / 2.0);
        // Track a mid-wall circle: the texture lives inside the myocardium.
        var contour = new SliceContours(new PolarContour(centre, Enumerable.Repeat(28.0, 96).ToArray(), grid), new PolarContour(centre, Enumerable.Repeat(34.0, 96).ToArray(), grid));

        var tracked = ContourTracker.Track(slice, Enumerable.Repeat(contour, 10).ToList(), 0, TrackingParameters.Default with { TrackTangentialMotion = true });

        for (var phase = 0; phase < 10; phase++)
        {
            var expected = degreesPerPhase * (phase < 5 ? phase : 10 - phase);
            var meanTurn = tracked.AnglesRad[phase].Select((a, k) => ContourTracker.Wrap(a - tracked.AnglesRad[0][k])).Average() * 180 / Math.PI;
            Assert.True(Math.Abs(meanTurn - expected) <= TrackedRotationRelativeTolerance * expected + TrackedRotationToleranceDeg, $"phase {phase}: turned {meanTurn:0.00} degrees, expected {expected:0.00}");
        }
    }
}
