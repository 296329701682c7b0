using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Projection;

namespace CartLedger.Registration.CtModel;

/// <summary>
/// The CT as the fluoroscopy sees it. The planning CT is contrast-enhanced (blood 200-450 HU), but during a CRT implant
/// the heart holds no iodine, so its shadow on the X-ray is soft tissue against lung. Voxels in the iodine range are
/// set to soft tissue before the attenuation mapping; cortical bone (above the range) and everything below stay.
/// Cancellous bone (about 260 HU) falls in the range too: the spine's cortex still shows.
/// </summary>
public static class CtModelVolume
{
    public const float IodineMinHu = 150;
    public const float IodineMaxHu = 600;
    public const float SoftTissueHu = 45;

    public static AttenuationVolume ForFluoroscopy(Volume ctHu)
    {
        var voxels = (float[])ctHu.Voxels.Clone();
        for (var i = 0; i < voxels.Length; i++)
        {
            if (voxels[i] is >= IodineMinHu and <= IodineMaxHu)
            {
                voxels[i] = SoftTissueHu;
            }
        }
        return AttenuationVolume.FromHounsfield(new Volume(ctHu.Geometry, voxels));
    }
}
