using System.Diagnostics;
using System.Globalization;
using Connect2Luton.Load;

// dotnet run -c Release --project benchmarks/Connect2Luton.Load -- --app http://localhost:5091 --database artifacts/load/x.db
//   [--clients 50] [--seconds 60] [--rate 300]: drives the running app, then reconciles its database with what it was
//   told was saved. Without --rate each client does its next thing as soon as the last is answered (a closed loop);
//   with it, things to do arrive at that many a second whatever the answers (an open loop), each taken by a client
//   that is free, and each is timed from when it arrived.
var settings = Settings.Read(args);
var app = new Uri(settings.Get("--app", "http://localhost:5091"));
var database = Path.GetFullPath(settings.Get("--database", "artifacts/load/connect2luton-load.db"));
var clients = int.Parse(settings.Get("--clients", "50"), CultureInfo.InvariantCulture);
var agencyClients = int.Parse(settings.Get("--agency-clients", "10"), CultureInfo.InvariantCulture);
var workerClients = int.Parse(settings.Get("--worker-clients", "10"), CultureInfo.InvariantCulture);
var duration = TimeSpan.FromSeconds(int.Parse(settings.Get("--seconds", "60"), CultureInfo.InvariantCulture));
var rate = int.Parse(settings.Get("--rate", "0"), CultureInfo.InvariantCulture);
// --nodes-may-go-down true: benchmarks/load/cluster.sh kills a node under the load (see Tally.NodesMayGoDown).
var nodesMayGoDown = settings.Get("--nodes-may-go-down", "false") == "true";
var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
const string Password = "Connect2Luton-demo!";
const string WorkerPassword = "Hours-sent-from-my-phone-2026";

var tally = new Tally { NodesMayGoDown = nodesMayGoDown };
var ledger = new Ledger();
var reconciliation = new Reconciliation(database);
var shared = await reconciliation.SharedRecordsAsync();

// --writer: a steady save a second until stopped, for run.sh to measure pages beside.
if (settings.Get("--writer", "") == "steady")
{
    using var recruiterSession = await Session.SignInAsync(app, "recruiter@connect2luton.local", Password, tally, CancellationToken.None);
    using var managerSession = await Session.SignInAsync(app, "manager@connect2luton.local", Password, tally, CancellationToken.None);
    using var adminSession = await Session.SignInAsync(app, "admin@connect2luton.local", Password, tally, CancellationToken.None);
    using var stopWriting = new CancellationTokenSource(duration);
    void Stop() => stopWriting.Cancel();
    ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; Stop(); };
    EventHandler onExit = (_, _) => Stop();
    Console.CancelKeyPress += onCancel;
    AppDomain.CurrentDomain.ProcessExit += onExit;
    try
    {
        await Workload.WriteSteadilyAsync(new Workload(recruiterSession, run, 1, shared, ledger, tally, new Random(1)),
            new Workload(managerSession, run, 0, shared, ledger, tally, new Random(2)), new Workload(adminSession, run, 2, shared, ledger, tally, new Random(3)),
            tally, Console.Out, stopWriting.Token);
    }
    finally
    {
        // Unhooked before the token source is disposed, so a stop at the end of the time does not cancel it after.
        Console.CancelKeyPress -= onCancel;
        AppDomain.CurrentDomain.ProcessExit -= onExit;
    }
    return tally.ErrorCount == 0 ? 0 : 1;
}
var before = await reconciliation.VersionsAsync(shared);
var timesheetsBefore = await reconciliation.TimesheetsBeforeAsync();
// Workers placed in the demo hiring manager's service, each given their own sign-in as a recruiter gives one, to send their hours.
var workerPlacements = await reconciliation.WorkerPlacementsAsync(workerClients);
shared = shared with { Weeks = new WorkerWeeks(workerPlacements) };

// Twenty hiring managers, twenty-five recruiters and five admins, each their own signed-in session.
var people = Enumerable.Range(0, clients).Select(i => (i, Role: (i % 10) switch { < 4 => "manager", < 9 => "recruiter", _ => "admin" }))
    // And agency staff of the two demo agencies, half each, putting the same people forward for the same vacancies.
    .Concat(Enumerable.Range(clients, agencyClients).Select(i => (i, Role: i % 2 == 0 ? "agency" : "agency2")))
    // And the workers, each sending their own weeks.
    .Concat(Enumerable.Range(clients + agencyClients, workerPlacements.Count).Select(i => (i, Role: "worker"))).ToList();
var sessions = new List<Session>();
// One workload per client for the warm-up and the measured run alike: its step count names what it saves, so the
// same name never comes from one client twice.
var workloads = new List<(string Role, Workload Work)>();
using (var giver = await Session.SignInAsync(app, "recruiter@connect2luton.local", Password, tally, CancellationToken.None))
{
    foreach (var (client, role) in people)
    {
        var own = role == "worker" ? workerPlacements[client - clients - agencyClients] : null;
        var session = own is null
            ? await Session.SignInAsync(app, $"{role}@connect2luton.local", Password, tally, CancellationToken.None)
            : await Session.GivenSignInAsync(giver, app, own.Worker, own.Email, WorkerPassword, tally, CancellationToken.None);
        sessions.Add(session);
        workloads.Add((role, new Workload(session, run, client, shared, ledger, tally, new Random(client * 7919)) { Own = own }));
    }
}

// Each timesheet reported approved has its lines read from the database straight after, for the end to compare with.
var readLines = Task.Run(async () =>
{
    var approved = ledger.JustApproved.Reader;
    while (await approved.WaitToReadAsync())
    {
        var ids = new List<int>();
        while (approved.TryRead(out var id)) ids.Add(id);
        foreach (var (id, lines) in await reconciliation.LinesAsync(ids)) ledger.LinesAtApproval[id] = lines;
        await Task.Delay(200);
    }
});

// A short warm-up (JIT, caches, connection pool) that is neither timed nor reconciled apart from its saves.
Console.WriteLine($"{clients} clients, {agencyClients} agency staff and {workerPlacements.Count} workers signed in; warming up for 5 s, then {duration.TotalSeconds:F0} s measured"
    + (rate > 0 ? $", open loop at {rate} arrivals a second." : ", closed loop."));
await (rate > 0 ? ArriveAsync(TimeSpan.FromSeconds(5)) : DriveAsync(TimeSpan.FromSeconds(5)));
tally.Counting = true;
var measured = Stopwatch.StartNew();
await (rate > 0 ? ArriveAsync(duration) : DriveAsync(duration));
measured.Stop();

tally.Print(Console.Out, measured.Elapsed);
Console.WriteLine($"Saved: {ledger.RaisedRequisitions.Count} requisitions raised, {ledger.AddedWorkers.Count} workers added, " +
    $"{ledger.SavedEdits.Values.Sum(e => e.Count)} edits to {shared.Requisitions.Count + shared.Workers.Count} shared records, {ledger.Conflicts} edits refused as conflicts.");
Console.WriteLine($"Agencies: {ledger.PutForwardPeople.Count} candidates put forward for {shared.Vacancies.Count} vacanc{(shared.Vacancies.Count == 1 ? "y" : "ies")} both see, {ledger.RefusedAsAlreadyPutForward} refused as already put forward by the other agency or a colleague.");
var alone = ledger.ApprovedTimesheets.Values.Count(a => a.How == "alone");
Console.WriteLine($"Timesheets: {ledger.WeeksSent} weeks sent and {ledger.WeeksSaved} saved to send later by {workerPlacements.Count} workers and by recruiters on their behalf, "
    + $"{ledger.TimesheetConflicts} refused as started or sent by someone else first; {ledger.ApprovedTimesheets.Count} approved by hiring managers ({alone} one at a time, "
    + $"{ledger.ApprovedTimesheets.Count - alone} ticked together), {ledger.ApprovalsRefused} not approved ({ledger.ApprovalsRefusedByRules} refused by the rules, the rest approved or changed by a colleague first).");
ledger.JustApproved.Writer.Complete();
await readLines;
var problems = await reconciliation.CheckAsync(run, ledger, shared, before);
var (timesheetProblems, weeks, approvals) = await reconciliation.CheckTimesheetsAsync(ledger, workerPlacements, timesheetsBefore);
problems.AddRange(timesheetProblems);
foreach (var problem in problems) Console.WriteLine("  does not reconcile: " + problem);
if (nodesMayGoDown)
{
    Console.WriteLine($"In doubt: {ledger.InDoubt} saves lost in flight, of which {ledger.InDoubtRequisitions.Count + ledger.InDoubtWorkers.Count} requisitions, workers or candidates, "
        + $"{ledger.InDoubtEdits.Values.Sum(e => e.Count)} edits, {ledger.InDoubtPutForward.Count} put forward, {ledger.InDoubtWeeks.Values.Sum(q => q.Count)} weeks' hours and {ledger.InDoubtApprovals.Count} approvals: "
        + "each allowed to be stored once or not at all.");
}
Console.WriteLine(problems.Count == 0
    ? $"Reconciled: every save reported is in the database once, nothing else is, and no edit was lost; each of {weeks} weeks reported saved or sent is stored once with the hours sent, "
      + $"and each of {approvals} timesheets reported approved is approved, as the manager was shown, with its lines as they were when it was approved."
    : $"{problems.Count} reconciliation problems.");
foreach (var session in sessions) session.Dispose();
return tally.ErrorCount == 0 && problems.Count == 0 ? 0 : 1;

async Task DriveAsync(TimeSpan length)
{
    using var stop = new CancellationTokenSource(length);
    await Task.WhenAll(workloads.Select(s => Task.Run(async () =>
    {
        try
        {
            await s.Work.RunAsync(s.Role, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Time is up mid-request: that request is neither counted nor an error.
        }
    })));
}

// The open loop: the i-th arrival is due at i / rate seconds, however the answers are coming. A free client takes it
// (each client's session does one thing at a time); if none is free it waits for one, and that wait is in its time,
// so a slow app shows as slow answers rather than as fewer arrivals.
async Task ArriveAsync(TimeSpan length)
{
    var free = System.Threading.Channels.Channel.CreateUnbounded<(string Role, Workload Work)>();
    // Shuffled, so the roles take turns from the first arrival.
    var shuffle = new Random(1);
    foreach (var workload in workloads.OrderBy(_ => shuffle.Next())) free.Writer.TryWrite(workload);
    var clock = Stopwatch.StartNew();
    var arrivals = new List<Task>();
    for (var i = 0L; ; i++)
    {
        var due = TimeSpan.FromSeconds((double)i / rate);
        if (due >= length) break;
        if (due - clock.Elapsed is { TotalMilliseconds: > 1 } early) await Task.Delay(early);
        arrivals.Add(Task.Run(async () =>
        {
            var (role, work) = await free.Reader.ReadAsync();
            try
            {
                await work.StepAsync(role);
            }
            finally
            {
                free.Writer.TryWrite((role, work));
            }
            tally.Arrived(clock.Elapsed - due);
        }));
    }
    await Task.WhenAll(arrivals);
}

internal sealed class Settings(Dictionary<string, string> values)
{
    public static Settings Read(string[] args) =>
        new(args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal));

    public string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);
}
