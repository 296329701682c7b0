using System.Collections.Frozen;
using System.Reflection;

namespace CartLedger.Imaging.Dicom;

/// <summary>Marks a <see cref="DicomTags"/> field with the value representation the standard gives it.</summary>
[AttributeUsage(AttributeTargets.Field)]
internal sealed class VrAttribute(DicomVr vr) : Attribute
{
    public DicomVr Vr { get; } = vr;
}

/// <summary>Keyword and VR of every tag in <see cref="DicomTags"/>, built once from that class.</summary>
public static class DicomDictionary
{
    private static readonly FrozenDictionary<DicomTag, (string Keyword, DicomVr Vr)> Entries = typeof(DicomTags)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DicomTag))
        .ToFrozenDictionary(
            f => (DicomTag)f.GetValue(null)!,
            f => (f.Name, f.GetCustomAttribute<VrAttribute>()?.Vr ?? throw new InvalidOperationException($"DicomTags.{f.Name} has no [Vr]")));

    public static string? KeywordOf(DicomTag tag) => Entries.TryGetValue(tag, out var entry) ? entry.Keyword : null;

    /// <summary>The VR of a known tag; throws for a tag the dictionary does not hold, since writing needs it.</summary>
    public static DicomVr VrOf(DicomTag tag) =>
        Entries.TryGetValue(tag, out var entry) ? entry.Vr : throw new ArgumentException($"Tag {tag} is not in the dictionary; give its VR explicitly.", nameof(tag));
}
