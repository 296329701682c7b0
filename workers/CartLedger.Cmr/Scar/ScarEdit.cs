namespace CartLedger.Cmr.Scar;

/// <summary>
/// A user's adjustment of the automatic scar (seed 2: "the user can adjust the threshold and manually erase
/// pixels to exclude small areas of blood that are erroneously segmented"). Each is recorded as an event and
/// replayed in order on top of the automatic result.
/// </summary>
public abstract record ScarEdit;

/// <summary>A new threshold fraction for the whole study (replaces the previous one).</summary>
public sealed record ScarThresholdChanged(double ThresholdFraction) : ScarEdit;

/// <summary>Pixels (row-major indices on the LGE slice's grid) removed from the scar of one LGE slice.</summary>
public sealed record ScarPixelsErased(int LgeSliceIndex, IReadOnlyList<int> PixelIndices) : ScarEdit;

/// <summary>Myocardial pixels added to the scar of one LGE slice (e.g. an unfilled dark core).</summary>
public sealed record ScarPixelsAdded(int LgeSliceIndex, IReadOnlyList<int> PixelIndices) : ScarEdit;
