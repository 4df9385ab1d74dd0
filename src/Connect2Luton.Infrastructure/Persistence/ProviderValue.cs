using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage;

namespace Connect2Luton.Infrastructure.Persistence;

/// <summary>
/// A value as EF's <see cref="RelationalTypeMapping.CreateParameter"/> would set it on a parameter, for the writers
/// that fill their own commands (bulk inserts, the volume seeders) and must store exactly what EF would.
/// </summary>
internal static class ProviderValue
{
    public static object Of(RelationalTypeMapping mapping, object? value)
    {
        if (value is null) return DBNull.Value;
        if (mapping.Converter is { } converter) return converter.ConvertToProvider(value) ?? DBNull.Value;
        return value is Enum ? Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), CultureInfo.InvariantCulture) : value;
    }
}
