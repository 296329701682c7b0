using System.Text.Json;
using System.Text.Json.Nodes;
using CartLedger.Cmr.Contours;
using CartLedger.Cmr.Scar;
using CartLedger.Cmr.Segmentation;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Workers.Cmr;

/// <summary>
/// <c>contours.json</c>, the LV contours of a cine (and their transfer to the LGE) as <c>cartledger cmr segment</c> writes
/// them and as an analyst imports them (<c>cartledger contours import</c>, event <c>contours_adjusted</c>, the file stored
/// as its blob): the cine series, ED and ES phases, the segment-model orientation (anterior and inferior RV insertion
/// directions, LPS), base centre and apex (LPS mm), and per image its SOP Instance UID, base-to-apex slice index,
/// phase, coverage (None, Partial, Full; "Transferred" on LGE) and the endo- and epicardium as closed polygons in pixels
/// of that image (x right, y down). <see cref="Read"/> turns it back into the <see cref="CineSegmentation"/> of the
/// study's cine (LGE entries are ignored: the chain transfers the cine contours itself).
/// </summary>
public static class ContourFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The document for <paramref name="cine"/> segmented as <paramref name="segmentation"/>, with the LGE slices the contours were transferred to.</summary>
    public static string Write(CineStack cine, CineStack? lgeStack, CineSegmentation segmentation, IReadOnlyList<LgeSlice> lge)
    {
        var images = new List<object>();
        var byPosition = segmentation.SlicesBaseToApex.ToDictionary(s => s.Plane.Origin);
        foreach (var slice in cine.Slices)
        {
            byPosition.TryGetValue(slice.Plane.Origin, out var segmented);
            for (var p = 0; p < slice.PhaseCount; p++)
            {
                var contours = segmented is { HasLv: true } ? segmented.Phases[p] : null;
                images.Add(Describe("cine", CineOrder.SopInstanceUid(slice, p), segmented?.Index, p, segmented?.Coverage.ToString() ?? nameof(SliceCoverage.None), contours));
            }
        }
        foreach (var slice in lgeStack?.Slices ?? [])
        {
            var uid = CineOrder.SopInstanceUid(slice, 0);
            var match = lge.FirstOrDefault(l => l.SopInstanceUid == uid && l.Plane.Origin == slice.Plane.Origin);
            images.Add(Describe("lge", uid, match?.CineSliceIndex, 0, match is null ? nameof(SliceCoverage.None) : "Transferred", match?.Contours));
        }
        var document = new
        {
            cineSeriesInstanceUid = cine.SeriesInstanceUid,
            lgeSeriesInstanceUid = lgeStack?.SeriesInstanceUid,
            endDiastolePhase = segmentation.EndDiastolePhase,
            endSystolePhase = segmentation.EndSystolePhase,
            orientation = new { source = segmentation.Orientation.Source, anteriorDirectionLps = Vector(segmentation.Orientation.AnteriorDirection), inferiorDirectionLps = Vector(segmentation.Orientation.InferiorDirection) },
            baseCentreLps = Vector(segmentation.BaseCentreLps),
            apexLps = Vector(segmentation.ApexLps),
            labels = new { background = 0, bloodPool = 1, myocardium = 2 },
            images,
        };
        return JsonSerializer.Serialize(document, Indented);
    }

    /// <summary>
    /// The segmentation a contours.json describes on <paramref name="cine"/> (its images found by SOP Instance UID). A
    /// file for another series, an image the cine does not hold, a slice with LV but a phase without contours, or a
    /// polygon of fewer than 8 points is refused naming <paramref name="source"/>, the field and the reason.
    /// </summary>
    public static CineSegmentation Read(ReadOnlySpan<byte> utf8, CineStack cine, string source)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(utf8) as JsonObject ?? throw new InvalidDataException($"{source}: expected a JSON object (contours.json as `cartledger cmr segment` writes it)");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not JSON ({e.Message})");
        }
        var series = Get(root, "cineSeriesInstanceUid", source, n => n.GetValue<string>());
        if (series != cine.SeriesInstanceUid)
        {
            throw new InvalidDataException($"{source}: field 'cineSeriesInstanceUid': {series} is not the study's cine series {cine.SeriesInstanceUid}");
        }
        var ordered = CineOrder.BaseToApex(cine);
        var phases = cine.Slices[0].PhaseCount;
        var ed = Get(root, "endDiastolePhase", source, n => n.GetValue<int>());
        var es = Get(root, "endSystolePhase", source, n => n.GetValue<int>());
        if (ed < 0 || ed >= phases || es < 0 || es >= phases)
        {
            throw new InvalidDataException($"{source}: fields 'endDiastolePhase'/'endSystolePhase': {ed}/{es} outside the cine's {phases} phases");
        }
        var orientation = Get(root, "orientation", source, n => n.AsObject());
        var anterior = Vector3(orientation, "anteriorDirectionLps", $"{source}: orientation");
        var inferior = Vector3(orientation, "inferiorDirectionLps", $"{source}: orientation");
        var axis = anterior.Cross(inferior);
        if (axis.Length < 1e-6)
        {
            throw new InvalidDataException($"{source}: field 'orientation': the anterior and inferior directions are parallel");
        }
        var where = new Dictionary<string, (int Slice, int Phase)>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            for (var p = 0; p < ordered[i].PhaseCount; p++)
            {
                where[CineOrder.SopInstanceUid(ordered[i], p)] = (i, p);
            }
        }
        var contours = new SliceContours?[ordered.Count, phases];
        var coverage = new SliceCoverage[ordered.Count];
        var images = Get(root, "images", source, n => n.AsArray());
        for (var i = 0; i < images.Count; i++)
        {
            var at = $"{source}: images[{i}]";
            var image = images[i] as JsonObject ?? throw new InvalidDataException($"{at}: expected an object");
            if (Get(image, "series", at, n => n.GetValue<string>()) != "cine")
            {
                continue;
            }
            var uid = Get(image, "sopInstanceUid", at, n => n.GetValue<string>());
            if (!where.TryGetValue(uid, out var position))
            {
                throw new InvalidDataException($"{at}: field 'sopInstanceUid': {uid} is not an image of cine series {cine.SeriesInstanceUid}");
            }
            var kind = Get(image, "coverage", at, n => Enum.Parse<SliceCoverage>(n.GetValue<string>()));
            coverage[position.Slice] = (SliceCoverage)Math.Max((int)coverage[position.Slice], (int)kind);
            if (kind == SliceCoverage.None)
            {
                continue;
            }
            var grid = PixelGrid.Of(ordered[position.Slice].Plane);
            var centre = Get(image, "centrePixel", at, n => n.AsArray().Select(v => v!.GetValue<double>()).ToArray());
            var endocardium = Polygon(image, "endocardiumPixels", at);
            var epicardium = Polygon(image, "epicardiumPixels", at);
            if (centre.Length != 2)
            {
                throw new InvalidDataException($"{at}: field 'centrePixel': expected [x, y]");
            }
            var c = new Vec2(centre[0], centre[1]);
            contours[position.Slice, position.Phase] = new SliceContours(Polygons.ToPolar(endocardium, c, endocardium.Count, grid), Polygons.ToPolar(epicardium, c, endocardium.Count, grid));
        }
        var slices = new List<SegmentedSlice>();
        for (var s = 0; s < ordered.Count; s++)
        {
            var plane = ordered[s].Plane;
            var frame = ordered[s].Frames[0];
            if (coverage[s] == SliceCoverage.None)
            {
                slices.Add(new SegmentedSlice(s, plane, frame.Width, frame.Height, SliceCoverage.None, []));
                continue;
            }
            var perPhase = new List<SliceContours>();
            for (var p = 0; p < phases; p++)
            {
                perPhase.Add(contours[s, p] ?? throw new InvalidDataException($"{source}: cine slice {s} (base to apex) has LV contours but none for phase {p} ({CineOrder.SopInstanceUid(ordered[s], p)})"));
            }
            slices.Add(new SegmentedSlice(s, plane, frame.Width, frame.Height, coverage[s], perPhase));
        }
        if (!slices.Any(s => s.Coverage == SliceCoverage.Full))
        {
            throw new InvalidDataException($"{source}: no cine slice has full LV coverage (myocardium all round): nothing to analyse");
        }
        var segmentOrientation = new SegmentOrientation(anterior.Normalized(), inferior.Normalized(), axis.Normalized(),
            Get(orientation, "source", $"{source}: orientation", n => n.GetValue<string>()));
        return new CineSegmentation(slices, segmentOrientation, ed, es, Vector3(root, "baseCentreLps", source), Vector3(root, "apexLps", source), [$"Contours imported ({source})."]);
    }

    private static List<Vec2> Polygon(JsonObject image, string name, string at)
    {
        var points = Get(image, name, at, n => n.AsArray().Select(p => p!.AsArray()).Select(p => new Vec2(p[0]!.GetValue<double>(), p[1]!.GetValue<double>())).ToList());
        return points.Count >= 8 ? points : throw new InvalidDataException($"{at}: field '{name}': a closed contour needs at least 8 points, got {points.Count}");
    }

    private static Vec3 Vector3(JsonObject obj, string name, string at)
    {
        var values = Get(obj, name, at, n => n.AsArray().Select(v => v!.GetValue<double>()).ToArray());
        return values.Length == 3 && values.All(double.IsFinite) ? new Vec3(values[0], values[1], values[2]) : throw new InvalidDataException($"{at}: field '{name}': expected [x, y, z] in LPS mm");
    }

    private static T Get<T>(JsonObject obj, string name, string at, Func<JsonNode, T> read)
    {
        var node = obj[name] ?? throw new InvalidDataException($"{at}: field '{name}' is missing");
        try
        {
            return read(node);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or NullReferenceException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"{at}: field '{name}': {Shorten(node.ToJsonString())} has the wrong shape or type");
        }
    }

    private static string Shorten(string json) => json.Length <= 60 ? json : json[..57] + "...";

    private static object Describe(string series, string uid, int? slice, int phase, string coverage, SliceContours? contours) => new
    {
        series,
        sopInstanceUid = uid,
        file = uid + ".png",
        sliceBaseToApex = slice,
        phase,
        coverage,
        centrePixel = contours is null ? null : new[] { Round(contours.Endocardium.Centre.X), Round(contours.Endocardium.Centre.Y) },
        endocardiumPixels = contours is null ? null : Polygon(contours.Endocardium.ToPolygon()),
        epicardiumPixels = contours is null ? null : Polygon(contours.Epicardium.ToPolygon()),
    };

    private static double[][] Polygon(IReadOnlyList<Vec2> points) => points.Select(p => new[] { Round(p.X), Round(p.Y) }).ToArray();

    private static double[] Vector(Vec3 v) => [Round(v.X), Round(v.Y), Round(v.Z)];

    private static double Round(double value) => Math.Round(value, 3);
}
