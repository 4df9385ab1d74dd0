using Connect2Luton.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace Connect2Luton.Infrastructure.Persistence;

/// <summary>Records staged by an <see cref="IBulkInsert{T}"/>, written by the unit of work inside its transaction.</summary>
internal interface IStagedInserts
{
    bool Any { get; }

    Type RecordType { get; }

    /// <summary>Makes the staged rows ready to store, before the unit of work's transaction takes the write lock.</summary>
    void Prepare();

    Task WriteAsync(CancellationToken cancellationToken);
}

/// <summary>
/// On SQLite, multi-row INSERTs with the columns and value conversions EF maps for the type, so the rows are exactly
/// what EF would write. The values are converted and encoded first (<see cref="Prepare"/>, outside the transaction,
/// so the other nightly job can write meanwhile); each statement is prepared once and run many times over, with the
/// values bound by position (<see cref="SqliteInsertStatement"/>). A record's owned values (a prompt's costs) are
/// written into its row, and the new records its rows refer to (prompts' rule decisions) are inserted first, in
/// bulk too, for their keys. On SQL Server, EF's own batched insert, which is already cheap there. Either way the
/// rows are not on the audit trail: only records that are themselves the record of what happened (who or what
/// raised them, when, under which rules) are written this way.
/// </summary>
internal sealed class BulkInsert<T>(AppDbContext db) : IBulkInsert<T>, IStagedInserts where T : class
{
    private readonly List<T> _staged = [];
    private readonly Dictionary<IEntityType, TableInsert> _tables = [];
    private PreparedRows? _prepared;

    public bool Any => _staged.Count > 0;

    public Type RecordType => typeof(T);

    public void Add(T record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _staged.Add(record);
        _prepared?.Return();
        _prepared = null;
    }

    public void Prepare()
    {
        if (_staged.Count == 0 || !db.Database.IsSqlite()) return;
        _prepared?.Return();
        var insert = TableInsert.For(db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model."), _tables);
        _prepared = insert.Prepare(_staged);
    }

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (_staged.Count == 0) return;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts are written inside the unit of work's transaction.");
        if (db.Database.IsSqlite())
        {
            if (_prepared is null) Prepare();
            try
            {
                // SQLite runs statements synchronously whichever way they are called.
                _prepared!.Insert.Write((SqliteConnection)transaction.Connection!, _prepared, cancellationToken);
            }
            finally
            {
                foreach (var table in _tables.Values) table.Dispose();
                _tables.Clear();
                _prepared?.Return();
                _prepared = null;
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

    /// <summary>
    /// One table's rows ready to store, row after row, column after column; with the rows of the new records they
    /// refer to, and for each record given, the key it has already (or 0, to be filled in as it is written).
    /// </summary>
    private sealed record PreparedRows(TableInsert Insert, SqliteValues Values, int[] Written, long[] Keys, PreparedRows?[] Referred)
    {
        public void Return()
        {
            Values.Return();
            foreach (var theirs in Referred) theirs?.Return();
        }
    }

    /// <summary>The INSERT for one table, with the inserts of the new records its rows refer to.</summary>
    private sealed class TableInsert : IDisposable
    {
        // Rows per statement: enough that the cost of running a statement is shared out; the statement text, and
        // the program SQLite compiles it to, grow with it.
        private const int MostParametersPerStatement = 200;

        private readonly string _table;
        private readonly List<Column> _columns;
        private readonly List<INavigation> _mustBeEmpty;
        private readonly string? _keyColumn;
        private readonly IClrPropertyGetter _key;
        private readonly Dictionary<int, SqliteInsertStatement> _statements = [];

        private TableInsert(string table, List<Column> columns, List<INavigation> mustBeEmpty, string? keyColumn, IProperty key)
        {
            _table = table;
            _columns = columns;
            _mustBeEmpty = mustBeEmpty;
            _keyColumn = keyColumn;
            _key = key.GetGetter();
        }

        private int RowsPerStatement => Math.Max(1, MostParametersPerStatement / _columns.Count);

        public static TableInsert For(IEntityType entityType, Dictionary<IEntityType, TableInsert> tables, bool returnsKey = false)
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
                columns.Add(new Column(property.GetColumnName(table)!, (RelationalTypeMapping)property.GetRelationalTypeMapping(),
                    record => getter.GetClrValue(record), principal is null ? null : new Principal(principal.GetGetter(), For(principal.TargetEntityType, tables, returnsKey: true))));
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
                        columns.Add(new Column(property.GetColumnName(table)!, (RelationalTypeMapping)property.GetRelationalTypeMapping(),
                            record => owner.GetClrValue(record) is { } owned ? getter.GetClrValue(owned) : null, null));
                    }
                }
                else if (!navigation.IsOnDependent)
                {
                    mustBeEmpty.Add(navigation);
                }
            }

            var insert = new TableInsert(table.Name, columns, mustBeEmpty, returnsKey ? key[0].GetColumnName(table) : null, key[0]);
            tables[entityType] = insert;
            return insert;
        }

        /// <summary>
        /// Converts and encodes the records' rows, and first those of the new records they refer to. A record that
        /// refers to one already saved keeps its key; a record already saved, when this is the table referred to,
        /// keeps its own and is never written a second time.
        /// </summary>
        public PreparedRows Prepare(IReadOnlyList<object> records)
        {
            foreach (var record in records) EnsureNothingOfItsOwn(record);
            var referred = new PreparedRows?[_columns.Count];
            var referredIndex = new Dictionary<object, int>?[_columns.Count];
            for (var c = 0; c < _columns.Count; c++)
            {
                if (_columns[c].Principal is not { } principal) continue;
                var theirs = records.Select(principal.Navigation.GetClrValue).OfType<object>().Distinct(ReferenceEqualityComparer.Instance).ToList();
                referred[c] = principal.Insert.Prepare(theirs);
                referredIndex[c] = theirs.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i, ReferenceEqualityComparer.Instance);
            }

            var keys = new long[records.Count];
            var written = new List<int>(records.Count);
            for (var i = 0; i < records.Count; i++)
            {
                if (_keyColumn is null || _key.HasSentinelValue(records[i])) written.Add(i);
                else keys[i] = Convert.ToInt64(_key.GetClrValue(records[i]), System.Globalization.CultureInfo.InvariantCulture);
            }
            var values = SqliteValues.Rent();
            foreach (var i in written)
            {
                for (var c = 0; c < _columns.Count; c++)
                {
                    var column = _columns[c];
                    if (column.Principal is { } principal && principal.Navigation.GetClrValue(records[i]) is { } theirs)
                        values.AddKeyOf(referredIndex[c]![theirs]);
                    else
                        values.Add(column.ToProvider(column.Read(records[i])));
                }
            }
            return new PreparedRows(this, values, [.. written], keys, referred);
        }

        /// <summary>Writes the prepared rows, and first those they refer to; fills in the key of each record written.</summary>
        public void Write(SqliteConnection connection, PreparedRows rows, CancellationToken cancellationToken)
        {
            foreach (var theirs in rows.Referred)
                theirs?.Insert.Write(connection, theirs, cancellationToken);

            var returned = new List<long>(RowsPerStatement);
            var columns = _columns.Count;
            for (var first = 0; first < rows.Written.Length; first += RowsPerStatement)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(RowsPerStatement, rows.Written.Length - first);
                var statement = Statement(connection, count);
                for (var row = 0; row < count; row++)
                {
                    for (var c = 0; c < columns; c++)
                    {
                        var value = rows.Values[(first + row) * columns + c];
                        if (value.Kind == SqliteValueKind.KeyOfReferred) statement.BindInteger(row * columns + c + 1, rows.Referred[c]!.Keys[value.Number]);
                        else statement.Bind(row * columns + c + 1, rows.Values, value);
                    }
                }
                if (_keyColumn is null)
                {
                    statement.Run();
                    continue;
                }
                // The store numbers a statement's rows one after another in the order of its VALUES, whatever order
                // RETURNING gives them back in, so the keys in order belong to the rows in order.
                returned.Clear();
                statement.Run(returned);
                returned.Sort();
                for (var row = 0; row < count; row++) rows.Keys[rows.Written[first + row]] = returned[row];
            }
        }

        private void EnsureNothingOfItsOwn(object record)
        {
            foreach (var navigation in _mustBeEmpty)
            {
                if (navigation.GetGetter().GetClrValue(record) is System.Collections.IEnumerable items && items.GetEnumerator().MoveNext())
                    throw new InvalidOperationException($"{navigation.DeclaringEntityType.ClrType.Name}.{navigation.Name} has records of its own, which are not inserted in bulk.");
                if (!navigation.IsCollection && navigation.GetGetter().GetClrValue(record) is not null)
                    throw new InvalidOperationException($"{navigation.DeclaringEntityType.ClrType.Name}.{navigation.Name} refers to a record of its own, which is not inserted in bulk.");
            }
        }

        /// <summary>The prepared INSERT of so many rows, made the first time it is needed.</summary>
        private SqliteInsertStatement Statement(SqliteConnection connection, int rows)
        {
            if (_statements.TryGetValue(rows, out var existing)) return existing;
            var row = "(" + string.Join(", ", _columns.Select(_ => "?")) + ")";
            var statement = new SqliteInsertStatement(connection,
                $"INSERT INTO \"{_table}\" ({string.Join(", ", _columns.Select(c => $"\"{c.Name}\""))}) VALUES {string.Join(", ", Enumerable.Repeat(row, rows))}" +
                (_keyColumn is null ? ";" : $" RETURNING \"{_keyColumn}\";"));
            _statements[rows] = statement;
            return statement;
        }

        public void Dispose()
        {
            foreach (var statement in _statements.Values) statement.Dispose();
            _statements.Clear();
        }

        private sealed record Principal(IClrPropertyGetter Navigation, TableInsert Insert);

        private sealed record Column(string Name, RelationalTypeMapping Mapping, Func<object, object?> Read, Principal? Principal)
        {
            public object ToProvider(object? value) => ProviderValue.Of(Mapping, value);
        }
    }
}
