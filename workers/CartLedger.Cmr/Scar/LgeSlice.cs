using CartLedger.Cmr.Segmentation;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Scar;

/// <summary>
/// One LGE short-axis image with the LV contours on its own pixel grid (transferred from the cine slice at the
/// same position, or imported), and the base-to-apex index of that cine slice.
/// </summary>
public sealed record LgeSlice(int CineSliceIndex, SlicePlane Plane, Image2D Image, SliceContours Contours, string SopInstanceUid);
