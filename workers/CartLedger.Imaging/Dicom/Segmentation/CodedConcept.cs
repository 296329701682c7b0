namespace CartLedger.Imaging.Dicom;

/// <summary>A coded concept (PS3.3 Table 8.8-1): CodeValue, CodingSchemeDesignator and CodeMeaning.</summary>
public sealed record CodedConcept(string Value, string Scheme, string Meaning)
{
    internal DicomDataSet ToItem() => new DicomDataSet()
        .Text(DicomTags.CodeValue, Value)
        .Text(DicomTags.CodingSchemeDesignator, Scheme)
        .Text(DicomTags.CodeMeaning, Meaning);

    internal static CodedConcept? From(DicomAttributes? item) => item is null ? null
        : new CodedConcept(item.Text(DicomTags.CodeValue) ?? "", item.Text(DicomTags.CodingSchemeDesignator) ?? "", item.Text(DicomTags.CodeMeaning) ?? "");
}

/// <summary>
/// Codes for the structures CRT planning segments. SNOMED CT codes where the DICOM context groups give them
/// (CID 7150 categories, CID 7151/7152 types); concepts without a standard code (the chosen lead target
/// area, the coronary sinus ostium as a landmark) use the private scheme "99CARTLEDGER", as PS3.16 8.2 allows.
/// </summary>
public static class SegmentationCodes
{
    public const string PrivateScheme = "99CARTLEDGER";

    public static readonly CodedConcept AnatomicalStructure = new("123037004", "SCT", "Anatomical Structure");
    public static readonly CodedConcept MorphologicallyAlteredStructure = new("49755003", "SCT", "Morphologically Altered Structure");
    public static readonly CodedConcept PlanningTarget = new("planning-target", PrivateScheme, "Planning target");
    public static readonly CodedConcept Landmark = new("landmark", PrivateScheme, "Anatomical landmark");

    public static readonly CodedConcept Myocardium = new("74281007", "SCT", "Myocardium");
    public static readonly CodedConcept LeftVentricle = new("87878005", "SCT", "Left Ventricle");
    public static readonly CodedConcept Infarct = new("55641003", "SCT", "Infarct");
    public static readonly CodedConcept LvEpicardium = new("lv-epicardium", PrivateScheme, "Left ventricular epicardial surface");
    public static readonly CodedConcept LeadTargetArea = new("lead-target-area", PrivateScheme, "LV lead target area");
    public static readonly CodedConcept PhrenicNerve = new("phrenic-nerve-l", PrivateScheme, "Left phrenic nerve course");
    public static readonly CodedConcept CoronarySinusOstium = new("cs-ostium", PrivateScheme, "Coronary sinus ostium");

    /// <summary>The algorithm family of the surfaces CartLedger generates (contour lofting, marching cubes).</summary>
    public static readonly CodedConcept SurfaceGenerationAlgorithm = new("surface-gen", PrivateScheme, "CartLedger surface generation");
}
