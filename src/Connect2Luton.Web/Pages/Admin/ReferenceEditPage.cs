using Connect2Luton.Application.Common.Results;
using Connect2Luton.Web.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connect2Luton.Web.Pages.Admin;

/// <summary>
/// The page of one record an admin keeps (a service area, a job role, a supply agency): its details saved against the
/// version read, and deactivating or reactivating it. A conflict shows the record as it is now; a version that does
/// not read is no version anyone saw. Each kind says how it is found, read and saved, and what it is called.
/// </summary>
public abstract class ReferenceEditPage<TRecord, TInput, TForm> : PageModel where TRecord : class where TForm : new()
{
    [BindProperty]
    public TForm Input { get; set; } = new();

    /// <summary>The version the page was read at, as posted.</summary>
    [BindProperty]
    public string? Version { get; set; }

    /// <summary>The record as it is now (after a conflict, as another admin left it).</summary>
    protected TRecord Record { get; private set; } = null!;

    [TempData]
    public string? Done { get; set; }

    /// <summary>What the page keeps, in words: "service area".</summary>
    protected abstract string Kind { get; }

    /// <summary>What deactivating means for it, after "is deactivated: ".</summary>
    protected abstract string Deactivated { get; }

    protected abstract Task<TRecord?> FindAsync(int id, CancellationToken cancellationToken);

    protected abstract TForm FormOf(TRecord record);

    protected abstract int VersionOf(TRecord record);

    protected abstract string NameOf(TRecord record);

    protected abstract TInput Read(TForm form, ModelStateDictionary modelState);

    protected abstract string? NameOf(TInput input);

    /// <summary>Every message the form would get, saving nothing.</summary>
    protected abstract Task<CommandResult> CheckAsync(TInput input, int id, CancellationToken cancellationToken);

    protected abstract Task<CommandResult> ChangeAsync(int id, int version, TInput input, CancellationToken cancellationToken);

    protected abstract Task<CommandResult> SetActiveAsync(int id, int version, bool active, CancellationToken cancellationToken);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        Show(Record);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        var input = Read(Input, ModelState);
        // A number that could not be read refuses the form; the rest is still checked so every problem shows at once.
        var result = !ModelState.IsValid ? await CheckAsync(input, id, cancellationToken)
            : FormReading.Choice(Version) is { } version ? await ChangeAsync(id, version, input, cancellationToken)
            : OutOfDate;
        return await AnswerAsync(id, result, () =>
        {
            TempData["Done"] = $"Saved {NameOf(input)?.Trim()}";
            return RedirectToPage("Index");
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, active: false, $" is deactivated: {Deactivated}", cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken cancellationToken) =>
        SetActiveAsync(id, active: true, " is offered again", cancellationToken);

    // The buttons below the form post no fields of it: the form shows the record as it is.
    private async Task<IActionResult> SetActiveAsync(int id, bool active, string done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } notHere) return notHere;
        Input = FormOf(Record);
        var result = FormReading.Choice(Version) is { } version ? await SetActiveAsync(id, version, active, cancellationToken) : OutOfDate;
        return await AnswerAsync(id, result, () =>
        {
            Done = NameOf(Record) + done;
            return RedirectToPage("Edit", new { id });
        }, cancellationToken);
    }

    private CommandResult OutOfDate => CommandResult.Conflict($"The page was out of date. It shows the {Kind} as it is now: make your change again.");

    private async Task<IActionResult> AnswerAsync(int id, CommandResult result, Func<IActionResult> done, CancellationToken cancellationToken)
    {
        if (this.Unreachable(result) is { } unreachable) return unreachable;
        if (result.Succeeded) return done();
        ModelState.AddRefusal(result);
        if (result.Status == CommandStatus.Conflict && await FindAsync(id, cancellationToken) is { } latest)
        {
            // What was typed was made against an older version: the form shows the record as it is now.
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal) || k == nameof(Version)).ToList()) ModelState.Remove(key);
            Record = latest;
            Show(latest);
        }
        return Page();
    }

    private void Show(TRecord record)
    {
        Input = FormOf(record);
        Version = VersionOf(record).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } record) return NotFound();
        Record = record;
        return null;
    }
}
