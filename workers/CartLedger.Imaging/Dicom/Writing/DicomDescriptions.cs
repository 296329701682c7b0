namespace CartLedger.Imaging.Dicom;

/// <summary>The patient, pseudonymous only: an identifier and an optional pseudonym, never real identifiers.</summary>
/// <param name="Id">PatientID (0010,0020), e.g. "CRT-0007".</param>
/// <param name="Name">PatientName (0010,0010); empty writes an empty (Type 2) value.</param>
/// <param name="Sex">PatientSex (0010,0040): "M", "F", "O" or empty.</param>
/// <param name="BirthDate">PatientBirthDate (0010,0030); null writes it empty.</param>
public sealed record DicomPatient(string Id, string Name = "", string Sex = "", DateOnly? BirthDate = null);

/// <summary>A study: what links all series of one examination.</summary>
/// <param name="Patient">Whose study it is.</param>
/// <param name="StudyInstanceUid">StudyInstanceUID (0020,000D); use <see cref="DicomUid.FromParts"/> for deterministic output.</param>
/// <param name="StudyId">StudyID (0020,0010); may be empty.</param>
/// <param name="AccessionNumber">AccessionNumber (0008,0050); may be empty.</param>
/// <param name="Description">StudyDescription (0008,1030); empty leaves it out.</param>
/// <param name="DateTime">StudyDate/StudyTime as supplied; null writes them empty (never the wall clock).</param>
public sealed record DicomStudy(
    DicomPatient Patient,
    string StudyInstanceUid,
    string StudyId = "",
    string AccessionNumber = "",
    string Description = "",
    DateTime? DateTime = null);

/// <summary>
/// A series. Every image of one acquisition shares it; objects that must overlay each other (cine, LGE and the
/// segmentations made from them) share the frame of reference.
/// </summary>
/// <param name="Study">The study the series belongs to.</param>
/// <param name="SeriesInstanceUid">SeriesInstanceUID (0020,000E).</param>
/// <param name="FrameOfReferenceUid">FrameOfReferenceUID (0020,0052): the patient coordinate system of the series.</param>
/// <param name="SeriesNumber">SeriesNumber (0020,0011).</param>
/// <param name="Description">SeriesDescription (0008,103E); empty leaves it out.</param>
/// <param name="DateTime">SeriesDate/SeriesTime as supplied; null leaves them out.</param>
/// <param name="PatientPosition">PatientPosition (0018,5100), e.g. "HFS" (head first supine).</param>
/// <param name="BodyPartExamined">BodyPartExamined (0018,0015); empty leaves it out.</param>
public sealed record DicomSeries(
    DicomStudy Study,
    string SeriesInstanceUid,
    string FrameOfReferenceUid,
    int SeriesNumber,
    string Description = "",
    DateTime? DateTime = null,
    string PatientPosition = "HFS",
    string BodyPartExamined = "HEART");

/// <summary>One instance (file) of a series.</summary>
/// <param name="Series">The series it belongs to.</param>
/// <param name="InstanceNumber">InstanceNumber (0020,0013). Readers never sort by it.</param>
/// <param name="SopInstanceUid">Null derives it from the series UID, the instance number and the content.</param>
/// <param name="ContentDateTime">ContentDate/ContentTime as supplied; null falls back to the series date/time.</param>
public sealed record DicomInstance(DicomSeries Series, int InstanceNumber, string? SopInstanceUid = null, DateTime? ContentDateTime = null);

/// <summary>What a writer produced: the file and the identifiers other objects use to reference it.</summary>
public sealed record WrittenInstance(string Path, string SopClassUid, string SopInstanceUid, string SeriesInstanceUid, string FrameOfReferenceUid);
