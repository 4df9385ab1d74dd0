using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Connect2Luton.Load;

/// <summary>The app's database read directly, before the run (what to share) and after it (does it hold what was reported saved?).</summary>
internal sealed class Reconciliation(string databaseFile)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    /// <summary>The demo hiring manager's draft requisitions and the first workers, for every client to edit at once.</summary>
    public async Task<SharedRecords> SharedRecordsAsync()
    {
        await using var connection = await OpenAsync();
        var requisitions = await IdsAsync(connection,
            "SELECT Id FROM Requisitions WHERE Status = 'Draft' AND ServiceAreaId = (SELECT ServiceAreaId FROM HiringManagers WHERE Email = 'manager@connect2luton.local') ORDER BY Id LIMIT 3");
        var workers = await IdsAsync(connection, "SELECT Id FROM Workers WHERE IsActive = 1 AND JobFamily = 'SocialCare' ORDER BY Id LIMIT 3");
        var role = (await IdsAsync(connection, "SELECT Id FROM JobRoles WHERE Title = 'Social Worker (Children and Families)'")).Single();
        var agency = (await IdsAsync(connection, "SELECT Id FROM SupplyAgencies ORDER BY Id LIMIT 1")).Single();
        if (requisitions.Count == 0 || workers.Count == 0) throw new InvalidOperationException("The database has no demo drafts or workers to share: start the app on a fresh demo database.");
        // Open requisitions both demo agencies see (their kinds differ only in the DfE confirmation), for roles that need
        // no register, still taking candidates.
        var vacancies = await RowsAsync(connection, """
            SELECT r.Id, j.JobFamily FROM Requisitions r JOIN JobRoles j ON j.Id = r.JobRoleId
            WHERE r.Status IN ('Open', 'Approved') AND r.PositionsFilled < r.Positions AND r.EndDate >= date('now')
              AND j.DfeRoleType IS NULL AND j.RequiredRegistration = 'None'
              AND EXISTS (SELECT 1 FROM ReleasedProfiles p WHERE p.RequisitionId = r.Id AND p.Tier = 'LocalSupportingAgency' AND p.OnDps = 1 AND p.ConfirmsDfeAgencyRules = 1)
              AND EXISTS (SELECT 1 FROM ReleasedProfiles p WHERE p.RequisitionId = r.Id AND p.Tier = 'LocalSupportingAgency' AND p.OnDps = 1 AND p.ConfirmsDfeAgencyRules = 0)
            ORDER BY r.Id LIMIT 8
            """);
        return new SharedRecords(requisitions, workers, role, agency.ToString(CultureInfo.InvariantCulture)) { Vacancies = [.. vacancies] };
    }

    public async Task<Dictionary<string, int>> VersionsAsync(SharedRecords shared)
    {
        await using var connection = await OpenAsync();
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in shared.Requisitions) versions[$"Requisitions {id}"] = await ScalarAsync<int>(connection, $"SELECT Version FROM Requisitions WHERE Id = {id}");
        foreach (var id in shared.Workers) versions[$"Workers {id}"] = await ScalarAsync<int>(connection, $"SELECT Version FROM Workers WHERE Id = {id}");
        return versions;
    }

    /// <summary>
    /// Each requisition and worker reported saved is there once, none is there that was not reported, and each shared
    /// record's version rose by exactly its saved edits (a lost update would save without raising it, or overwrite).
    /// </summary>
    public async Task<List<string>> CheckAsync(string run, Ledger ledger, SharedRecords shared, IReadOnlyDictionary<string, int> before)
    {
        var problems = new List<string>();
        await using var connection = await OpenAsync();
        Compare("requisition", ledger.RaisedRequisitions, await RowsAsync(connection, $"SELECT Id, Title FROM Requisitions WHERE Title LIKE 'Load {run} %'"), problems);
        Compare("worker", ledger.AddedWorkers, await RowsAsync(connection, $"SELECT Id, Email FROM Workers WHERE Email LIKE 'load-{run}-%'"), problems);
        // Submissions: each reported is stored, none is stored that was not, and no contested person is put forward
        // twice for one vacancy while the first still owns them (nothing in the load withdraws).
        var stored = await RowsAsync(connection, $"""
            SELECT s.Id, s.RequisitionId || ':' || s.WorkerId || ':' || w.LastName FROM Submissions s JOIN Workers w ON w.Id = s.WorkerId
            WHERE w.LastName LIKE 'Person {run} %'
            """);
        var storedPairs = stored.Select(r => r.Key.Split(':')).Select(p => (Vacancy: int.Parse(p[0], CultureInfo.InvariantCulture), Candidate: int.Parse(p[1], CultureInfo.InvariantCulture), Person: p[2])).ToList();
        foreach (var twice in storedPairs.GroupBy(p => (p.Vacancy, p.Person)).Where(g => g.Count() > 1))
            problems.Add($"{twice.Key.Person} is put forward {twice.Count()} times for requisition {twice.Key.Vacancy}");
        var reported = ledger.PutForwardPeople.Select(p => (p.Vacancy, p.Candidate)).ToHashSet();
        foreach (var missing in reported.Where(r => !storedPairs.Any(s => s.Vacancy == r.Vacancy && s.Candidate == r.Candidate)))
            problems.Add($"candidate {missing.Candidate} was reported put forward for requisition {missing.Vacancy} but is not stored");
        foreach (var extra in storedPairs.Where(s => !reported.Contains((s.Vacancy, s.Candidate))))
            problems.Add($"candidate {extra.Candidate} is stored as put forward for requisition {extra.Vacancy} but was never reported");

        foreach (var (record, was) in before)
        {
            var (table, id) = (record.Split(' ')[0], record.Split(' ')[1]);
            var now = await ScalarAsync<int>(connection, $"SELECT Version FROM {table} WHERE Id = {id}");
            var saved = ledger.SavedEdits.TryGetValue(record, out var edits) ? edits.ToList() : [];
            if (now - was != saved.Count) problems.Add($"{record}: {saved.Count} edits were reported saved but its version went from {was} to {now}");
            if (saved.Count == 0) continue;
            var value = await ScalarAsync<string>(connection, $"SELECT {(table == "Workers" ? "Phone" : "Description")} FROM {table} WHERE Id = {id}");
            if (!saved.Any(s => Same(s, value))) problems.Add($"{record} holds \"{value}\", which no saved edit wrote");
        }
        return problems;
    }

    private static void Compare(string what, System.Collections.Concurrent.ConcurrentDictionary<int, string> reported, List<(int Id, string Key)> stored, List<string> problems)
    {
        foreach (var duplicate in stored.GroupBy(s => s.Key).Where(g => g.Count() > 1))
            problems.Add($"{what} \"{duplicate.Key}\" is stored {duplicate.Count()} times");
        foreach (var (id, key) in reported.Where(r => !stored.Contains((r.Key, r.Value))))
            problems.Add($"{what} {id} \"{key}\" was reported saved but is not stored");
        foreach (var (id, key) in stored.Where(s => !reported.ContainsKey(s.Id)))
            problems.Add($"{what} {id} \"{key}\" is stored but was never reported saved");
    }

    private static bool Same(string written, string? stored) =>
        string.Equals(written.Replace(" ", string.Empty, StringComparison.Ordinal), stored?.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<List<int>> IdsAsync(SqliteConnection connection, string sql) => [.. (await RowsAsync(connection, sql)).Select(r => r.Id)];

    private static async Task<List<(int Id, string Key)>> RowsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is this tool's own, with only its own run token and ids in it.
        command.CommandText = sql;
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(int, string)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetInt32(0), reader.FieldCount > 1 ? reader.GetString(1) : string.Empty));
        return rows;
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // As above: the tool's own SQL.
        command.CommandText = sql;
#pragma warning restore CA2100
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
    }
}
