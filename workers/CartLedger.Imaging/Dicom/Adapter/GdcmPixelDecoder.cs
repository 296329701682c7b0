using System.Buffers.Binary;

namespace CartLedger.Imaging.Dicom.Adapter;

/// <summary>
/// Decodes the pixel data of a GDCM image (any transfer syntax GDCM's codecs handle) into stored values as
/// floats: masked to BitsStored and sign-extended, palette colour expanded to RGB, YBR_FULL converted to RGB,
/// planar colour interleaved. Throws <see cref="InvalidDataException"/> with a plain reason otherwise.
/// </summary>
internal static class GdcmPixelDecoder
{
    public static DecodedPixels Decode(gdcm.Image image, long maxDecodedBytes)
    {
        var columns = (int)image.GetDimension(0);
        var rows = (int)image.GetDimension(1);
        var frames = image.GetNumberOfDimensions() > 2 ? (int)image.GetDimension(2) : 1;
        using var format = image.GetPixelFormat();
        int samples = format.GetSamplesPerPixel(), bitsAllocated = format.GetBitsAllocated(), bitsStored = format.GetBitsStored();
        int highBit = format.GetHighBit(), signed = format.GetPixelRepresentation();
        using var photometric = image.GetPhotometricInterpretation();
        var pi = photometric.GetString()?.Trim() ?? "";
        if (columns <= 0 || rows <= 0 || frames <= 0 || samples is not (1 or 3))
        {
            throw new InvalidDataException($"unsupported image shape {columns}x{rows}, {frames} frames, {samples} samples per pixel");
        }
        if (bitsAllocated is not (1 or 8 or 16 or 32 or 64) || bitsStored < 1 || bitsStored > bitsAllocated || highBit + 1 < bitsStored)
        {
            throw new InvalidDataException($"unsupported pixel format: BitsAllocated {bitsAllocated}, BitsStored {bitsStored}, HighBit {highBit}");
        }
        var expected = (long)columns * rows * frames * samples * Math.Max(bitsAllocated, 8) / 8;
        if (expected > maxDecodedBytes || (long)columns * rows * frames * samples > Array.MaxLength)
        {
            throw new InvalidDataException($"decoded pixels would take {expected} bytes, above the limit of {maxDecodedBytes}");
        }
        if (pi == "PALETTE COLOR")
        {
            return DecodePalette(image, columns, rows, frames, maxDecodedBytes);
        }
        var length = image.GetBufferLength();
        if (length < (bitsAllocated == 1 ? ((long)columns * rows * frames + 7) / 8 : expected))
        {
            throw new InvalidDataException($"GDCM reports {length} bytes of pixels, fewer than the {expected} the header describes");
        }
        var buffer = new byte[length];
        if (!image.GetBuffer(buffer))
        {
            throw new InvalidDataException("GDCM could not decode the pixel data (codec failure or corrupt stream)");
        }
        var values = ToFloats(buffer, columns * rows * frames * samples, bitsAllocated, bitsStored, highBit, signed == 1, format.GetScalarType());
        if (samples == 3 && image.GetPlanarConfiguration() == 1)
        {
            values = Interleave(values, columns * rows, frames);
        }
        if (samples == 3 && pi == "YBR_FULL")
        {
            YbrFullToRgb(values, bitsStored);
            pi = "RGB";
        }
        else if (samples == 3 && pi is not ("RGB" or "YBR_RCT" or "YBR_ICT"))
        {
            throw new InvalidDataException($"colour pixels in {pi} are not supported");
        }
        return new DecodedPixels(columns, rows, frames, samples, samples == 3 ? "RGB" : pi, values);
    }

    private static float[] ToFloats(byte[] buffer, int count, int bitsAllocated, int bitsStored, int highBit, bool signed, gdcm.PixelFormat.ScalarType scalar)
    {
        var values = new float[count];
        var span = buffer.AsSpan();
        var shift = highBit + 1 - bitsStored;
        var mask = bitsStored >= 64 ? ulong.MaxValue : (1UL << bitsStored) - 1;
        for (var i = 0; i < count; i++)
        {
            if (scalar == gdcm.PixelFormat.ScalarType.FLOAT32)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(span[(4 * i)..]);
                continue;
            }
            if (scalar == gdcm.PixelFormat.ScalarType.FLOAT64)
            {
                values[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(span[(8 * i)..]);
                continue;
            }
            ulong raw = bitsAllocated switch
            {
                1 => (ulong)((buffer[i >> 3] >> (i & 7)) & 1),
                8 => buffer[i],
                16 => BinaryPrimitives.ReadUInt16LittleEndian(span[(2 * i)..]),
                32 => BinaryPrimitives.ReadUInt32LittleEndian(span[(4 * i)..]),
                _ => BinaryPrimitives.ReadUInt64LittleEndian(span[(8 * i)..]),
            };
            var stored = (raw >> shift) & mask;
            values[i] = signed && bitsStored < 64 && (stored >> (bitsStored - 1) & 1) == 1 ? (float)((long)stored - (1L << bitsStored)) : stored;
        }
        return values;
    }

    private static DecodedPixels DecodePalette(gdcm.Image image, int columns, int rows, int frames, long maxDecodedBytes)
    {
        using var filter = new gdcm.ImageApplyLookupTable();
        filter.SetInput(image);
        if (!filter.Apply())
        {
            throw new InvalidDataException("GDCM could not apply the palette colour lookup table");
        }
        using var output = filter.GetOutput();
        using var photometric = output.GetPhotometricInterpretation();
        if (photometric.GetString()?.Trim() != "RGB")
        {
            throw new InvalidDataException("the palette colour lookup table did not produce RGB");
        }
        return Decode(output, maxDecodedBytes) with { Columns = columns, Rows = rows, Frames = frames };
    }

    private static float[] Interleave(float[] planar, int pixelsPerFrame, int frames)
    {
        var interleaved = new float[planar.Length];
        for (var f = 0; f < frames; f++)
        {
            var frameStart = f * pixelsPerFrame * 3;
            for (var p = 0; p < pixelsPerFrame; p++)
            {
                for (var c = 0; c < 3; c++)
                {
                    interleaved[frameStart + 3 * p + c] = planar[frameStart + c * pixelsPerFrame + p];
                }
            }
        }
        return interleaved;
    }

    /// <summary>PS3.3 C.7.6.3.1.2: YBR_FULL to RGB, full-range ITU-R BT.601.</summary>
    private static void YbrFullToRgb(float[] values, int bitsStored)
    {
        var max = (1 << Math.Min(bitsStored, 16)) - 1;
        var half = (max + 1) / 2f;
        for (var i = 0; i < values.Length; i += 3)
        {
            float y = values[i], cb = values[i + 1] - half, cr = values[i + 2] - half;
            values[i] = Math.Clamp(MathF.Round(y + 1.402f * cr), 0, max);
            values[i + 1] = Math.Clamp(MathF.Round(y - 0.344136f * cb - 0.714136f * cr), 0, max);
            values[i + 2] = Math.Clamp(MathF.Round(y + 1.772f * cb), 0, max);
        }
    }
}
