using CartLedger.Imaging.Phantom.Shapes;

namespace CartLedger.Imaging.Phantom.Heart;

/// <summary>A named tube of the heart (a coronary vein, the phrenic nerve bundle) in patient LPS at end-diastole.</summary>
public sealed record NamedTube(string Name, Tube Tube, double ThetaDeg);
