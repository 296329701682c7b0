using System.Runtime.InteropServices;
using CartLedger.Imaging.Dicom.Adapter;

namespace CartLedger.Imaging.Dicom.Isolation;

/// <summary>
/// The wire format between the decoding child process and its parent: one framed, length-checked record per
/// file (attributes recursively, then the decoded pixels as raw floats). A magic number at each end detects a
/// child that wrote anything else to its standard output.
/// </summary>
internal static class DecodedFileCodec
{
    private const uint StartMagic = 0x52444C43; // "CLDR"
    private const uint EndMagic = 0x444E4543;   // "CEND"

    public static void Write(BinaryWriter writer, DecodedFile file)
    {
        writer.Write(StartMagic);
        writer.Write(file.Path);
        WriteNullable(writer, file.TransferSyntaxUid);
        WriteNullable(writer, file.ReadError);
        WriteNullable(writer, file.PixelError);
        writer.Write(file.Attributes is not null);
        if (file.Attributes is { } attributes)
        {
            WriteAttributes(writer, attributes);
        }
        writer.Write(file.Pixels is not null);
        if (file.Pixels is { } pixels)
        {
            writer.Write(pixels.Columns);
            writer.Write(pixels.Rows);
            writer.Write(pixels.Frames);
            writer.Write(pixels.Samples);
            writer.Write(pixels.PhotometricInterpretation);
            writer.Write(pixels.Values.Length);
            writer.Write(MemoryMarshal.AsBytes(pixels.Values.AsSpan()));
        }
        writer.Write(EndMagic);
        writer.Flush();
    }

    public static DecodedFile Read(BinaryReader reader)
    {
        Expect(reader.ReadUInt32(), StartMagic);
        var path = reader.ReadString();
        var syntax = ReadNullable(reader);
        var readError = ReadNullable(reader);
        var pixelError = ReadNullable(reader);
        var attributes = reader.ReadBoolean() ? ReadAttributes(reader) : null;
        DecodedPixels? pixels = null;
        if (reader.ReadBoolean())
        {
            int columns = reader.ReadInt32(), rows = reader.ReadInt32(), frames = reader.ReadInt32(), samples = reader.ReadInt32();
            var pi = reader.ReadString();
            var values = new float[reader.ReadInt32()];
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
            pixels = new DecodedPixels(columns, rows, frames, samples, pi, values);
        }
        Expect(reader.ReadUInt32(), EndMagic);
        return new DecodedFile(path, syntax, attributes, pixels, pixelError, readError);
    }

    private static void WriteAttributes(BinaryWriter writer, DicomAttributes attributes)
    {
        writer.Write(attributes.All.Count);
        foreach (var a in attributes.All)
        {
            writer.Write(a.Tag.Value);
            writer.Write(a.Vr);
            writer.Write(a.Length);
            WriteNullable(writer, a.Text);
            writer.Write(a.Bytes?.Length ?? -1);
            if (a.Bytes is { } bytes)
            {
                writer.Write(bytes);
            }
            writer.Write(a.Items?.Count ?? -1);
            foreach (var item in a.Items ?? [])
            {
                WriteAttributes(writer, item);
            }
        }
    }

    private static DicomAttributes ReadAttributes(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var list = new List<DicomAttribute>(count);
        for (var i = 0; i < count; i++)
        {
            var tag = DicomTag.FromValue(reader.ReadUInt32());
            var vr = reader.ReadString();
            var length = reader.ReadInt64();
            var text = ReadNullable(reader);
            var byteCount = reader.ReadInt32();
            var bytes = byteCount >= 0 ? reader.ReadBytes(byteCount) : null;
            var itemCount = reader.ReadInt32();
            List<DicomAttributes>? items = null;
            if (itemCount >= 0)
            {
                items = new List<DicomAttributes>(itemCount);
                for (var k = 0; k < itemCount; k++)
                {
                    items.Add(ReadAttributes(reader));
                }
            }
            list.Add(new DicomAttribute(tag, vr, length, text, bytes, items));
        }
        return new DicomAttributes(list);
    }

    private static void WriteNullable(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadNullable(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static void Expect(uint actual, uint expected)
    {
        if (actual != expected)
        {
            throw new InvalidDataException($"the decoder process sent an unexpected record marker 0x{actual:X8}");
        }
    }
}
