using System.Text.Json;
using System.Text.Json.Serialization;

namespace CartLedger.Domain.Quantities;

/// <summary>Writes every <see cref="IQuantity{TSelf}"/> as a bare JSON number and validates it again on read.</summary>
public sealed class QuantityJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsValueType && typeToConvert.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQuantity<>));

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(QuantityConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class QuantityConverter<T> : JsonConverter<T> where T : struct, IQuantity<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.Number)
            {
                throw new JsonException($"expected a number in {T.Unit}, got {reader.TokenType}");
            }
            try
            {
                return T.From(reader.GetDouble());
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new JsonException(e.Message, e);
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
    }
}
