using Connect2Luton.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Connect2Luton.Infrastructure.Persistence;

/// <summary>Records staged by an <see cref="IBulkInsert{T}"/>, written by the unit of work inside its transaction.</summary>
internal interface IStagedInserts
{
    bool Any { get; }

    Type RecordType { get; }

    Task WriteAsync(CancellationToken cancellationToken);
}

/// <summary>
/// On SQLite, one prepared INSERT run once per record with the columns and value conversions EF maps for the type,
/// so the rows are exactly what EF would write. On SQL Server, EF's own batched insert, which is already cheap there.
/// Only flat types (no owned values or collections) are written this way; others are refused when first used.
/// </summary>
internal sealed class BulkInsert<T>(AppDbContext db) : IBulkInsert<T>, IStagedInserts where T : class
{
    private readonly List<T> _staged = [];

    public bool Any => _staged.Count > 0;

    public Type RecordType => typeof(T);

    public void Add(T record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _staged.Add(record);
    }

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (_staged.Count == 0) return;
        if (db.Database.IsSqlite()) await InsertOneByOneAsync(cancellationToken);
        else
        {
            db.Set<T>().AddRange(_staged);
            await db.SaveChangesAsync(cancellationToken);
        }
        _staged.Clear();
    }

    private async Task InsertOneByOneAsync(CancellationToken cancellationToken)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        if (entityType.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || entityType.GetSkipNavigations().Any())
            throw new InvalidOperationException($"{typeof(T).Name} has owned values or collections and cannot be inserted in bulk.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        // The store generates the key; every other mapped column is written as EF would write it.
        var columns = entityType.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
            .Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping(), Getter: p.GetGetter()))
            .ToList();

        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts are written inside the unit of work's transaction.");
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))});";
        foreach (var record in _staged)
        {
            command.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                var (property, _, mapping, getter) = columns[i];
                command.Parameters.Add(mapping.CreateParameter(command, $"@p{i}", getter.GetClrValue(record), property.IsNullable));
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
