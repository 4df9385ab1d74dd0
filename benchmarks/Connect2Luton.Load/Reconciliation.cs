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
        Compare("requisition", ledger.RaisedRequisitions, ledger.InDoubtRequisitions, await RowsAsync(connection, $"SELECT Id, Title FROM Requisitions WHERE Title LIKE 'Load {run} %'"), problems);
        Compare("worker", ledger.AddedWorkers, ledger.InDoubtWorkers, await RowsAsync(connection, $"SELECT Id, Email FROM Workers WHERE Email LIKE 'load-{run}-%'"), problems);
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
        foreach (var extra in storedPairs.Where(s => !reported.Contains((s.Vacancy, s.Candidate)) && !ledger.InDoubtPutForward.ContainsKey((s.Vacancy, s.Candidate))))
            problems.Add($"candidate {extra.Candidate} is stored as put forward for requisition {extra.Vacancy} but was never reported");

        foreach (var (record, was) in before)
        {
            var (table, id) = (record.Split(' ')[0], record.Split(' ')[1]);
            var now = await ScalarAsync<int>(connection, $"SELECT Version FROM {table} WHERE Id = {id}");
            var saved = ledger.SavedEdits.TryGetValue(record, out var edits) ? edits.ToList() : [];
            // An edit whose answer was lost in flight may have been saved, or not.
            var inDoubt = ledger.InDoubtEdits.TryGetValue(record, out var lost) ? lost.ToList() : [];
            if (now - was < saved.Count || now - was > saved.Count + inDoubt.Count)
                problems.Add($"{record}: {saved.Count} edits were reported saved{(inDoubt.Count > 0 ? $" and {inDoubt.Count} lost in flight" : "")} but its version went from {was} to {now}");
            if (now == was) continue;
            var value = await ScalarAsync<string>(connection, $"SELECT {(table == "Workers" ? "Phone" : "Description")} FROM {table} WHERE Id = {id}");
            if (!saved.Concat(inDoubt).Any(s => Same(s, value))) problems.Add($"{record} holds \"{value}\", which no saved edit wrote");
        }
        return problems;
    }

    /// <summary>
    /// The live placements of the demo hiring manager's service whose workers have no sign-in yet and no other live
    /// placement, longest running first (the most weeks to send): the load gives their workers a sign-in.
    /// </summary>
    public async Task<List<WorkerPlacement>> WorkerPlacementsAsync(int count)
    {
        await using var connection = await OpenAsync();
        return await ReadAsync(connection, $"""
            SELECT p.Id, p.WorkerId, w.Email, p.StartDate, COALESCE(p.ActualEndDate, p.PlannedEndDate) FROM Placements p JOIN Workers w ON w.Id = p.WorkerId
            WHERE p.Status = 'Active' AND w.IsActive = 1 AND p.StartDate <= date('now')
              AND p.ServiceAreaId = (SELECT ServiceAreaId FROM HiringManagers WHERE Email = 'manager@connect2luton.local')
              AND NOT EXISTS (SELECT 1 FROM AspNetUsers u WHERE u.WorkerId = p.WorkerId)
              AND NOT EXISTS (SELECT 1 FROM Placements o WHERE o.WorkerId = p.WorkerId AND o.Id <> p.Id AND o.Status = 'Active')
            ORDER BY p.StartDate, p.Id LIMIT {count}
            """, r => new WorkerPlacement(r.GetInt32(0), r.GetInt32(1), r.GetString(2), Day(r.GetString(3)), Day(r.GetString(4))));
    }

    /// <summary>The last timesheet before the run and those already approved: whatever is new or approved after it, a client must have been told of.</summary>
    public async Task<(int LastId, HashSet<int> Approved)> TimesheetsBeforeAsync()
    {
        await using var connection = await OpenAsync();
        var last = await ScalarAsync<int>(connection, "SELECT COALESCE(MAX(Id), 0) FROM Timesheets");
        return (last, [.. await IdsAsync(connection, "SELECT Id FROM Timesheets WHERE Status = 'Approved'")]);
    }

    /// <summary>Each timesheet's priced lines, every column, as one text: two readings of an approved week must be equal.</summary>
    public async Task<Dictionary<int, string>> LinesAsync(IReadOnlyCollection<int> timesheets)
    {
        if (timesheets.Count == 0) return [];
        await using var connection = await OpenAsync();
        var lines = await ReadAsync(connection, $"SELECT * FROM TimesheetLines WHERE TimesheetId IN ({string.Join(',', timesheets)}) ORDER BY TimesheetId, Id", r =>
            (Timesheet: Convert.ToInt32(r["TimesheetId"], CultureInfo.InvariantCulture),
             Text: string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => $"{r.GetName(i)}={Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture)}"))));
        return timesheets.ToDictionary(id => id, id => string.Join('\n', lines.Where(l => l.Timesheet == id).Select(l => l.Text)));
    }

    /// <summary>
    /// Every week reported saved or sent is stored once (one timesheet for its placement and week) with the hours sent,
    /// or those of one of its saves if none was sent; a week is sent once (nothing in the load queries it back, so a
    /// second send must have been refused); every timesheet started in the run was reported. Every timesheet reported
    /// approved is approved, at the hours and charge the manager was shown, and its lines are as they were just after
    /// its approval; none was approved that no manager was told of.
    /// </summary>
    public async Task<(List<string> Problems, int Weeks, int Approved)> CheckTimesheetsAsync(Ledger ledger, IReadOnlyList<WorkerPlacement> placements, (int LastId, HashSet<int> Approved) before)
    {
        var problems = new List<string>();
        await using var connection = await OpenAsync();
        var approvedIds = ledger.ApprovedTimesheets.Keys.ToList();
        var scope = $"t.PlacementId IN ({string.Join(',', placements.Select(p => p.Placement).Append(0))}) OR t.Id > {before.LastId} OR t.Id IN ({string.Join(',', approvedIds.Append(0))})";
        var stored = await ReadAsync(connection, $"SELECT t.Id, t.PlacementId, t.WeekStart, t.Sequence, t.Status, t.Hours, t.Charge, t.Pay FROM Timesheets t WHERE {scope}",
            r => new StoredTimesheet(r.GetInt32(0), r.GetInt32(1), Day(r.GetString(2)), r.GetInt32(3), r.GetString(4), Hundredths(r.GetValue(5)), Hundredths(r.GetValue(6)), Hundredths(r.GetValue(7))));
        var entries = (await ReadAsync(connection, $"SELECT e.TimesheetId, e.Day, e.Hours FROM TimesheetEntries e JOIN Timesheets t ON t.Id = e.TimesheetId WHERE {scope}",
                r => (Timesheet: r.GetInt32(0), Day: Day(r.GetString(1)), Hours: Hundredths(r.GetValue(2)))))
            .ToLookup(e => e.Timesheet, e => (e.Day, e.Hours));
        var lines = (await ReadAsync(connection, $"SELECT l.TimesheetId, l.Day, l.Hours, l.Pay, l.Charge FROM TimesheetLines l JOIN Timesheets t ON t.Id = l.TimesheetId WHERE {scope} ORDER BY l.TimesheetId, l.Day, l.Id",
                r => (Timesheet: r.GetInt32(0), Hours: Hundredths(r.GetValue(2)), Pay: Hundredths(r.GetValue(3)), Charge: Hundredths(r.GetValue(4)))))
            .ToLookup(l => l.Timesheet, l => (l.Hours, l.Pay, l.Charge));
        var byWeek = stored.ToLookup(t => (t.Placement, t.Week));

        foreach (var (placement, week) in ledger.EnteredWeeks.Keys.Union(ledger.InDoubtWeeks.Keys))
        {
            var said = ledger.EnteredWeeks.TryGetValue((placement, week), out var saves) ? saves.ToList() : [];
            var lost = ledger.InDoubtWeeks.TryGetValue((placement, week), out var inDoubt) ? inDoubt.ToList() : [];
            var rows = byWeek[(placement, week)].ToList();
            var what = $"placement {placement}'s week of {week:yyyy-MM-dd}";
            // Only saves lost in flight: stored once, with hours one of them sent, or not at all.
            if (said.Count == 0)
            {
                if (rows.Count > 1) problems.Add($"{what} had only saves lost in flight but {rows.Count} timesheets are stored for it");
                else if (rows.Count == 1 && !lost.Any(s => Same(s.Hours, entries[rows[0].Id].ToDictionary(e => e.Day, e => e.Hours))))
                    problems.Add($"{what} holds hours none of its saves lost in flight wrote");
                continue;
            }
            if (rows.Count != 1 || rows[0].Sequence != 0)
            {
                problems.Add($"{what} was reported saved {said.Count} times but {rows.Count} timesheets are stored for it");
                continue;
            }
            var row = rows[0];
            var hours = entries[row.Id].ToDictionary(e => e.Day, e => e.Hours);
            var sent = said.Where(s => s.Sent).ToList();
            if (sent.Count > 1) problems.Add($"{what} was reported sent {sent.Count} times (by {string.Join(", ", sent.Select(s => s.By))}): a second send must be refused");
            if (sent.Count == 1 && row.Status is not ("Submitted" or "Approved")) problems.Add($"{what} was reported sent but is {row.Status}");
            if (lost.Count > 0 ? !said.Concat(lost).Any(s => Same(s.Hours, hours)) : sent.Count >= 1 ? !Same(sent[^1].Hours, hours) : !said.Any(s => Same(s.Hours, hours)))
                problems.Add($"{what} holds {Describe(hours)}, which {(sent.Count >= 1 ? $"is not what was sent ({Describe(sent[^1].Hours)})" : "no reported save wrote")}");
        }
        foreach (var unreported in stored.Where(t => t.Id > before.LastId && !ledger.EnteredWeeks.ContainsKey((t.Placement, t.Week)) && !ledger.InDoubtWeeks.ContainsKey((t.Placement, t.Week))))
            problems.Add($"timesheet {unreported.Id} (placement {unreported.Placement}, week of {unreported.Week:yyyy-MM-dd}) is stored but no client was told it was saved");

        var now = await LinesAsync(approvedIds);
        foreach (var (id, shown) in ledger.ApprovedTimesheets)
        {
            var row = stored.FirstOrDefault(t => t.Id == id);
            var what = $"timesheet {id} (placement {shown.Placement}, week of {shown.Week:yyyy-MM-dd}, approved {shown.How})";
            if (row is null || row.Status != "Approved")
            {
                problems.Add($"{what} was reported approved but is {row?.Status ?? "not stored"}");
                continue;
            }
            var own = lines[id].ToList();
            if (row.Hours != shown.Hours || row.Charge != shown.Charge || own.Sum(l => l.Charge) != shown.Charge || own.Sum(l => l.Hours) != shown.Hours)
                problems.Add($"{what} was shown as {shown.Hours} hours for £{shown.Charge}, but is stored as {row.Hours} hours for £{row.Charge} with lines summing to {own.Sum(l => l.Hours)} hours and £{own.Sum(l => l.Charge)}");
            if (shown.Pay is { } pay && (row.Pay != pay || own.Sum(l => l.Pay) != pay)) problems.Add($"{what} was shown paying £{pay}, but is stored paying £{row.Pay}");
            if (shown.Lines is { } shownLines && !shownLines.SequenceEqual(own)) problems.Add($"{what}: its lines are not those the approved week's page showed");
            if (!ledger.LinesAtApproval.TryGetValue(id, out var then)) problems.Add($"{what}: its lines were not read after its approval");
            else if (then != now.GetValueOrDefault(id)) problems.Add($"{what}: its lines changed after it was approved");
        }
        foreach (var id in await IdsAsync(connection, "SELECT Id FROM Timesheets WHERE Status = 'Approved'"))
            if (!before.Approved.Contains(id) && !ledger.ApprovedTimesheets.ContainsKey(id) && !ledger.InDoubtApprovals.ContainsKey(id)) problems.Add($"timesheet {id} is approved but no manager was told they approved it");
        return (problems, ledger.EnteredWeeks.Count, ledger.ApprovedTimesheets.Count);
    }

    private sealed record StoredTimesheet(int Id, int Placement, DateOnly Week, int Sequence, string Status, decimal Hours, decimal Charge, decimal Pay);

    private static bool Same(IReadOnlyDictionary<DateOnly, decimal> sent, IReadOnlyDictionary<DateOnly, decimal> stored) =>
        sent.Where(h => h.Value != 0).OrderBy(h => h.Key).SequenceEqual(stored.OrderBy(h => h.Key));

    private static string Describe(IReadOnlyDictionary<DateOnly, decimal> hours) =>
        hours.Count == 0 ? "no hours" : string.Join(", ", hours.OrderBy(h => h.Key).Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Key:ddd} {h.Value}")));

    private static DateOnly Day(string text) => DateOnly.ParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Hours and amounts as SQLite holds them here: whole hundredths (the app's converter), or text from elsewhere.</summary>
    private static decimal Hundredths(object value) => value switch
    {
        long whole => whole / 100m,
        string text => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture),
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    private static void Compare(string what, System.Collections.Concurrent.ConcurrentDictionary<int, string> reported, System.Collections.Concurrent.ConcurrentDictionary<string, byte> inDoubt,
        List<(int Id, string Key)> stored, List<string> problems)
    {
        foreach (var duplicate in stored.GroupBy(s => s.Key).Where(g => g.Count() > 1))
            problems.Add($"{what} \"{duplicate.Key}\" is stored {duplicate.Count()} times");
        foreach (var (id, key) in reported.Where(r => !stored.Contains((r.Key, r.Value))))
            problems.Add($"{what} {id} \"{key}\" was reported saved but is not stored");
        foreach (var (id, key) in stored.Where(s => !reported.ContainsKey(s.Id) && !inDoubt.ContainsKey(s.Key)))
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

    private static async Task<List<T>> ReadAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> row)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // As above: the tool's own SQL, with only ids and counts in it.
        command.CommandText = sql;
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(row(reader));
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
