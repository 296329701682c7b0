namespace CartLedger.Imaging.Dicom;

/// <summary>DICOM value representations (PS3.5 6.2).</summary>
public enum DicomVr
{
    AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN, SH, SL, SQ, SS, ST, SV, TM, UC, UI, UL, UN, UR, US, UT, UV,
}

internal static class DicomVrRules
{
    /// <summary>The longest value (one component, bytes) a text VR allows; 0 for no limit checked here.</summary>
    public static int MaxLength(DicomVr vr) => vr switch
    {
        DicomVr.AE => 16,
        DicomVr.AS => 4,
        DicomVr.CS => 16,
        DicomVr.DA => 8,
        DicomVr.DS => 16,
        DicomVr.DT => 26,
        DicomVr.IS => 12,
        DicomVr.LO => 64,
        DicomVr.LT => 10240,
        DicomVr.PN => 64 * 3 + 2,
        DicomVr.SH => 16,
        DicomVr.ST => 1024,
        DicomVr.TM => 14,
        DicomVr.UI => 64,
        _ => 0,
    };

    public static bool IsText(DicomVr vr) => vr is DicomVr.AE or DicomVr.AS or DicomVr.CS or DicomVr.DA or DicomVr.DS or DicomVr.DT
        or DicomVr.IS or DicomVr.LO or DicomVr.LT or DicomVr.PN or DicomVr.SH or DicomVr.ST or DicomVr.TM or DicomVr.UC
        or DicomVr.UI or DicomVr.UR or DicomVr.UT;

    /// <summary>Texts whose value may hold several components separated by backslashes.</summary>
    public static bool IsMultiValuedText(DicomVr vr) => IsText(vr) && vr is not (DicomVr.LT or DicomVr.ST or DicomVr.UT or DicomVr.UR);
}
