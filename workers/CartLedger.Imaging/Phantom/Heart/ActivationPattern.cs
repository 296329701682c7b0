namespace CartLedger.Imaging.Phantom.Heart;

/// <summary>
/// The electrical activation sequence. LBBB: the septum first, the lateral/posterolateral wall 100-150 ms later;
/// non-specific intraventricular conduction delay: 50-80 ms from a random early site; normal: narrow QRS, 25-40 ms.
/// </summary>
public enum ActivationPattern
{
    Lbbb,
    NonSpecific,
    Normal,
}
