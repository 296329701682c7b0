namespace CartLedger.Imaging.Phantom.Anatomy;

/// <summary>
/// What moves a structure between acquisitions: the thorax wall and bones stay; the diaphragm, liver and stomach
/// move with breathing; the heart moves with breathing (rigidly, between fluoroscopy views) and beats (in cine).
/// The paint order is fixed: <see cref="Background"/>, <see cref="Diaphragm"/>, <see cref="Heart"/>, <see cref="Skeleton"/>.
/// </summary>
public enum MotionGroup
{
    Background = 0,
    Diaphragm = 1,
    Heart = 2,
    Skeleton = 3,
}
