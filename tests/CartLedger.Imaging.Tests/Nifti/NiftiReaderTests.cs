using System.Buffers.Binary;
using System.IO.Compression;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Nifti;
using CartLedger.Testing;

namespace CartLedger.Imaging.Tests.Nifti;

public class NiftiReaderTests
{
    private const double PositionToleranceMm = 1e-3;

    /// <summary>A minimal NIfTI-1 (int16) with the given sform rows (RAS), written by hand as the spec lays it out.</summary>
    private static byte[] Nifti(int nx, int ny, int nz, float[] srow, short[] voxels, float slope = 0, float intercept = 0)
    {
        var bytes = new byte[352 + 2 * voxels.Length];
        var s = bytes.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(s, 348);
        short[] dim = [3, (short)nx, (short)ny, (short)nz, 1, 1, 1, 1];
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(s[(40 + 2 * i)..], dim[i]);
        }
        BinaryPrimitives.WriteInt16LittleEndian(s[70..], 4);
        BinaryPrimitives.WriteInt16LittleEndian(s[72..], 16);
        BinaryPrimitives.WriteSingleLittleEndian(s[108..], 352);
        BinaryPrimitives.WriteSingleLittleEndian(s[112..], slope);
        BinaryPrimitives.WriteSingleLittleEndian(s[116..], intercept);
        BinaryPrimitives.WriteInt16LittleEndian(s[254..], 1);
        for (var i = 0; i < 12; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(s[(280 + 4 * i)..], srow[i]);
        }
        "n+1\0"u8.CopyTo(s[344..]);
        for (var i = 0; i < voxels.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(s[(352 + 2 * i)..], voxels[i]);
        }
        return bytes;
    }

    [Fact]
    public void A_gzipped_NIfTI_with_a_rotated_sform_lands_in_LPS_with_scaled_values()
    {
        // Voxel axes: i along RAS (0, 2, 0), j along RAS (-1.5, 0, 0), k along RAS (0, 0, 3); origin RAS (10, 20, 30).
        float[] srow = [0, -1.5f, 0, 10, 2, 0, 0, 20, 0, 0, 3, 30];
        var voxels = Enumerable.Range(0, 4 * 3 * 2).Select(i => (short)(i * 10 - 50)).ToArray();
        var path = Path.Combine(RepoPaths.ScratchFolder("nifti"), "rotated.nii.gz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(Nifti(4, 3, 2, srow, voxels, slope: 0.5f, intercept: 100));
        }

        var image = NiftiReader.Read(path);

        var g = image.Volume.Geometry;
        Assert.Equal("sform", image.Transform);
        Assert.True(g.ToPatient(0, 0, 0).DistanceTo(new Vec3(-10, -20, 30)) < PositionToleranceMm);
        Assert.True(g.ToPatient(3, 2, 1).DistanceTo(new Vec3(-(10 - 1.5 * 2), -(20 + 2 * 3), 30 + 3)) < PositionToleranceMm);
        Assert.Equal(new Vec3(2, 1.5, 3), g.SpacingMm);
        Assert.Equal(voxels[5] * 0.5f + 100, image.Volume[1, 1, 0]);
    }

    [Fact]
    public void A_truncated_NIfTI_is_refused_naming_the_file()
    {
        var path = Path.Combine(RepoPaths.ScratchFolder("nifti-bad"), "short.nii");
        File.WriteAllBytes(path, Nifti(4, 3, 2, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0], new short[24])[..380]);

        var error = Assert.Throws<InvalidDataException>(() => NiftiReader.Read(path));

        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_TotalSegmentator_heart_mask_overlays_the_contrast_filled_CT_crop()
    {
        var folder = RepoPaths.RequireSharedData("ct/totalsegmentator_cardiac_cta/pulmonary_report_models");

        var ct = NiftiReader.Read(Path.Combine(folder, "ct_cropped.nii.gz")).Volume;
        var heart = NiftiReader.Read(Path.Combine(folder, "heart.nii.gz")).Volume;

        Assert.Equal(new Vec3(1.5, 1.5, 1.5), ct.Geometry.SpacingMm);
        Assert.True(ct.Geometry.Origin.DistanceTo(new Vec3(-71.66, -255.66, 576.2)) < 0.01);
        double inside = 0, outside = 0;
        int insideCount = 0, outsideCount = 0;
        for (var k = 0; k < ct.Geometry.SizeK; k += 2)
        {
            for (var j = 0; j < ct.Geometry.SizeJ; j += 2)
            {
                for (var i = 0; i < ct.Geometry.SizeI; i += 2)
                {
                    var inHeart = heart.SamplePatient(ct.Geometry.ToPatient(i, j, k)) > 0.5f;
                    if (inHeart)
                    {
                        inside += ct[i, j, k];
                        insideCount++;
                    }
                    else
                    {
                        outside += ct[i, j, k];
                        outsideCount++;
                    }
                }
            }
        }
        // Contrast-filled chambers are far brighter than the surrounding lung and fat: a misplaced mask mixes them.
        Assert.True(insideCount > 1000);
        Assert.True(inside / insideCount > 150, $"mean HU inside the heart mask {inside / insideCount:0}");
        Assert.True(inside / insideCount - outside / outsideCount > 200);
    }

    [Fact]
    public void The_MM_WHS_label_volume_reads_through_its_qform_with_its_expert_labels()
    {
        var path = RepoPaths.RequireSharedData("ct/mmwhs_labels/ct_train_1005_label.nii.gz");

        var image = NiftiReader.Read(path);

        Assert.Equal("qform", image.Transform);
        Assert.Equal((512, 512, 177), (image.Volume.Geometry.SizeI, image.Volume.Geometry.SizeJ, image.Volume.Geometry.SizeK));
        Assert.Equal(0.625, image.Volume.Geometry.SpacingMm.Z, 1e-4);
        Assert.Equal([0f, 205, 420, 500, 550, 600, 820, 850], image.Volume.Voxels.Distinct().Order());
    }

    [Fact]
    public void The_dcm_qa_ts_reference_NIfTI_holds_the_same_pixels_as_the_DICOM_mosaic()
    {
        var dicom = RepoPaths.RequireSharedData("dicom-robustness/dcm_qa_ts/In/1.dcm");
        var reference = RepoPaths.RequireSharedData("dicom-robustness/dcm_qa_ts/Ref/1.nii");

        var mosaic = DicomReader.ReadImage(dicom).Frames[0];
        var volume = NiftiReader.Read(reference).Volume;

        // dcm2niix cut the 384x384 mosaic into 35 tiles of 64x64 (a 6x6 grid, the last tile empty) and may flip rows:
        // compare tile by tile as sorted values, which no flip changes.
        Assert.Equal((64, 64, 35), (volume.Geometry.SizeI, volume.Geometry.SizeJ, volume.Geometry.SizeK));
        for (var tile = 0; tile < 35; tile++)
        {
            var (tx, ty) = (tile % 6, tile / 6);
            var fromDicom = new List<float>();
            for (var y = 0; y < 64; y++)
            {
                for (var x = 0; x < 64; x++)
                {
                    fromDicom.Add(mosaic[tx * 64 + x, ty * 64 + y]);
                }
            }
            Assert.Equal(fromDicom.Order(), volume.Slice(tile).Pixels.Order());
        }
    }
}
