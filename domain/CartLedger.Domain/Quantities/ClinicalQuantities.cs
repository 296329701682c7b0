namespace CartLedger.Domain.Quantities;

// Type-level bounds are what the unit can mean at all; physiological plausibility is checked by the commands
// (PhysiologicalRanges), so a message can name the field and the clinical reason.

/// <summary>A volume in millilitres (ml): LV volumes, contrast. Non-negative.</summary>
public readonly record struct Millilitres : IQuantity<Millilitres>
{
    public Millilitres(double value) => Value = Quantity.Check(value, 0, 1e6, "a volume", Unit);
    public double Value { get; }
    public static string Unit => "ml";
    public static Millilitres From(double value) => new(value);
    public override string ToString() => Quantity.Format(Value, Unit);
}

/// <summary>A duration in milliseconds (ms): QRS, QLV, time to peak. Non-negative.</summary>
public readonly record struct Milliseconds : IQuantity<Milliseconds>
{
    public Milliseconds(double value) => Value = Quantity.Check(value, 0, 1e7, "a duration", Unit);
    public double Value { get; }
    public static string Unit => "ms";
    public static Milliseconds From(double value) => new(value);
    public override string ToString() => Quantity.Format(Value, Unit);
}

/// <summary>A distance in millimetres (mm): lead to target, scar, phrenic nerve. Non-negative.</summary>
public readonly record struct Millimetres : IQuantity<Millimetres>
{
    public Millimetres(double value) => Value = Quantity.Check(value, 0, 1e5, "a distance", Unit);
    public double Value { get; }
    public static string Unit => "mm";
    public static Millimetres From(double value) => new(value);
    public override string ToString() => Quantity.Format(Value, Unit);
}

/// <summary>A duration in minutes (min): procedure, LV lead and fluoroscopy times. Non-negative.</summary>
public readonly record struct Minutes : IQuantity<Minutes>
{
    public Minutes(double value) => Value = Quantity.Check(value, 0, 1e5, "a duration", Unit);
    public double Value { get; }
    public static string Unit => "min";
    public static Minutes From(double value) => new(value);
    public override string ToString() => Quantity.Format(Value, Unit);
}

/// <summary>A pacing output in volts (V) at the device's pulse width. Non-negative.</summary>
public readonly record struct Volts : IQuantity<Volts>
{
    public Volts(double value) => Value = Quantity.Check(value, 0, 100, "a voltage", Unit);
    public double Value { get; }
    public static string Unit => "V";
    public static Volts From(double value) => new(value);
    public override string ToString() => Quantity.Format(Value, Unit);
}

/// <summary>A percentage, 0-100 %: transmurality, scar burden, LVEF, QLV/QRS.</summary>
public readonly record struct Percent : IQuantity<Percent>
{
    public Percent(double value) => Value = Quantity.Check(value, 0, 100, "a percentage", Unit);
    public double Value { get; }
    public static string Unit => "%";
    public static Percent From(double value) => new(value);
    public override string ToString() => Quantity.Format(Value, Unit);
}

/// <summary>Dose-area product in cGy*cm^2 (seed 1 Table 2). Non-negative.</summary>
public readonly record struct CentigrayCm2 : IQuantity<CentigrayCm2>
{
    public CentigrayCm2(double value) => Value = Quantity.Check(value, 0, 1e7, "a dose-area product", Unit);
    public double Value { get; }
    public static string Unit => "cGy*cm2";
    public static CentigrayCm2 From(double value) => new(value);
    public override string ToString() => Quantity.Format(Value, Unit);
}

/// <summary>A serum concentration in pg/ml (NT-proBNP). Non-negative.</summary>
public readonly record struct PicogramsPerMillilitre : IQuantity<PicogramsPerMillilitre>
{
    public PicogramsPerMillilitre(double value) => Value = Quantity.Check(value, 0, 1e7, "a concentration", Unit);
    public double Value { get; }
    public static string Unit => "pg/ml";
    public static PicogramsPerMillilitre From(double value) => new(value);
    public override string ToString() => Quantity.Format(Value, Unit);
}
