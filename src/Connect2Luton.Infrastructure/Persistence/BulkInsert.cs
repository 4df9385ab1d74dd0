using Connect2Luton.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using System.Data.Common;
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
/// so the rows are exactly what EF would write. A record's owned values (a prompt's costs) are written into its row,
/// and a new record it refers to (a prompt's rule decision) is inserted first, in bulk too, for its key. On SQL
/// Server, EF's own batched insert, which is already cheap there. Either way the rows are not on the audit trail:
/// only records that are themselves the record of what happened (who or what raised them, when, under which rules)
/// are written this way.
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
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts are written inside the unit of work's transaction.");
        if (db.Database.IsSqlite())
        {
            var tables = new Dictionary<IEntityType, TableInsert>();
            try
            {
                var insert = TableInsert.For(db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model."),
                    transaction, tables);
                foreach (var record in _staged) await insert.WriteAsync(record, cancellationToken);
            }
            finally
            {
                foreach (var table in tables.Values) await table.DisposeAsync();
            }
        }
        else
        {
            var audit = db.AuditEnabled;
            db.AuditEnabled = false;
            try
            {
                db.Set<T>().AddRange(_staged);
                await db.SaveChangesAsync(cancellationToken);
            }
            finally
            {
                db.AuditEnabled = audit;
            }
        }
        _staged.Clear();
    }

    /// <summary>The prepared INSERT for one table, with the inserts of the new records its rows refer to.</summary>
    private sealed class TableInsert : IAsyncDisposable
    {
        private readonly DbCommand _command;
        private readonly List<Column> _columns;
        private readonly List<INavigation> _mustBeEmpty;
        private readonly bool _returnsKey;

        private readonly IClrPropertyGetter _key;

        private TableInsert(DbCommand command, List<Column> columns, List<INavigation> mustBeEmpty, bool returnsKey, IClrPropertyGetter key)
        {
            _command = command;
            _columns = columns;
            _mustBeEmpty = mustBeEmpty;
            _returnsKey = returnsKey;
            _key = key;
        }

        public static TableInsert For(IEntityType entityType, DbTransaction transaction, Dictionary<IEntityType, TableInsert> tables, bool returnsKey = false)
        {
            if (tables.TryGetValue(entityType, out var existing)) return existing;
            if (entityType.GetSkipNavigations().Any())
                throw new InvalidOperationException($"{entityType.ClrType.Name} has many-to-many links and cannot be inserted in bulk.");
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var key = entityType.FindPrimaryKey()!.Properties;
            if (returnsKey && (key.Count != 1 || key[0].ValueGenerated != ValueGenerated.OnAdd))
                throw new InvalidOperationException($"{entityType.ClrType.Name} has no key the store generates, so a record referring to it cannot be inserted in bulk.");

            var columns = new List<Column>();
            var mustBeEmpty = new List<INavigation>();
            // The store generates the key; every other mapped column is written as EF would write it.
            foreach (var property in entityType.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd)))
            {
                var getter = property.GetGetter();
                var principal = property.GetContainingForeignKeys()
                    .Select(fk => fk.DependentToPrincipal)
                    .FirstOrDefault(n => n is not null && !n.TargetEntityType.IsOwned());
                columns.Add(new Column(property.GetColumnName(table)!, (RelationalTypeMapping)property.GetRelationalTypeMapping(), property.IsNullable,
                    record => getter.GetClrValue(record), principal is null ? null : (principal.GetGetter(), For(principal.TargetEntityType, transaction, tables, returnsKey: true))));
            }
            foreach (var navigation in entityType.GetNavigations())
            {
                if (navigation.TargetEntityType.IsOwned())
                {
                    if (navigation.IsCollection || navigation.TargetEntityType.GetTableName() != table.Name)
                        throw new InvalidOperationException($"{entityType.ClrType.Name}.{navigation.Name} is not stored in its row, so it cannot be inserted in bulk.");
                    var owner = navigation.GetGetter();
                    foreach (var property in navigation.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey()))
                    {
                        var getter = property.GetGetter();
                        columns.Add(new Column(property.GetColumnName(table)!, (RelationalTypeMapping)property.GetRelationalTypeMapping(), true,
                            record => owner.GetClrValue(record) is { } owned ? getter.GetClrValue(owned) : null, null));
                    }
                }
                else if (!navigation.IsOnDependent)
                {
                    mustBeEmpty.Add(navigation);
                }
            }

            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})" +
                (returnsKey ? $" RETURNING \"{key[0].GetColumnName(table)}\";" : ";");
            var insert = new TableInsert(command, columns, mustBeEmpty, returnsKey, key[0].GetGetter());
            tables[entityType] = insert;
            return insert;
        }

        /// <summary>Writes one record, and first any new record it refers to; returns the key the store gave it, if asked for.</summary>
        public async Task<object?> WriteAsync(object record, CancellationToken cancellationToken)
        {
            // A record already saved is referred to by its key, never written a second time.
            if (_returnsKey && !_key.HasSentinelValue(record)) return _key.GetClrValue(record);
            foreach (var navigation in _mustBeEmpty)
            {
                if (navigation.GetGetter().GetClrValue(record) is System.Collections.IEnumerable items && items.GetEnumerator().MoveNext())
                    throw new InvalidOperationException($"{navigation.DeclaringEntityType.ClrType.Name}.{navigation.Name} has records of its own, which are not inserted in bulk.");
                if (!navigation.IsCollection && navigation.GetGetter().GetClrValue(record) is not null)
                    throw new InvalidOperationException($"{navigation.DeclaringEntityType.ClrType.Name}.{navigation.Name} refers to a record of its own, which is not inserted in bulk.");
            }
            var values = new object?[_columns.Count];
            for (var i = 0; i < _columns.Count; i++)
            {
                var column = _columns[i];
                values[i] = column.Principal is var (navigation, insert) && navigation.GetClrValue(record) is { } referred
                    ? await insert.WriteAsync(referred, cancellationToken)
                    : column.Read(record);
            }
            _command.Parameters.Clear();
            for (var i = 0; i < _columns.Count; i++)
                _command.Parameters.Add(_columns[i].Mapping.CreateParameter(_command, $"@p{i}", values[i], _columns[i].Nullable));
            if (!_returnsKey)
            {
                await _command.ExecuteNonQueryAsync(cancellationToken);
                return null;
            }
            return await _command.ExecuteScalarAsync(cancellationToken);
        }

        public ValueTask DisposeAsync() => _command.DisposeAsync();

        private sealed record Column(string Name, RelationalTypeMapping Mapping, bool Nullable, Func<object, object?> Read, (IClrPropertyGetter Navigation, TableInsert Insert)? Principal);
    }
}
