using System.Diagnostics;
using Connect2Luton.Application.Policies;
using Connect2Luton.Infrastructure.Policies;
using Connect2Luton.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect2Luton.Infrastructure.Tests.Policies;

/// <summary>
/// Rule files that are not files: a link to a device that never ends, a named pipe nothing writes to. The rule
/// sets load at start all the same, the others serve, and the one with the odd file is refused with a reason.
/// </summary>
public sealed class SpecialRuleFileTests : IDisposable
{
    private readonly RuleFolderCopy _rules = RuleFiles.Copy();

    public void Dispose() => _rules.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task A_rule_file_linked_to_a_device_that_never_ends_is_refused_as_too_long_and_the_others_serve()
    {
        File.Delete(_rules.PathOf("pay-rate-caps.json"));
        File.CreateSymbolicLink(_rules.PathOf("pay-rate-caps.json"), "/dev/zero");

        var catalogue = await LoadAsync();

        catalogue.Single(s => s.Name == "pay-rate-caps").Problems.ShouldHaveSingleItem().Message.ShouldStartWith("The file is more than 200,000 characters long");
        catalogue.Where(s => s.Name != "pay-rate-caps").ShouldAllBe(s => s.IsServing);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_test_case_file_that_is_a_pipe_nothing_writes_to_is_refused_and_the_others_serve()
    {
        var cases = _rules.PathOf(Path.Combine("tests", "pay-rate-caps.cases.json"));
        File.Delete(cases);
        using (var mkfifo = Process.Start("mkfifo", cases)) await mkfifo.WaitForExitAsync();

        var catalogue = await LoadAsync();

        catalogue.Single(s => s.Name == "pay-rate-caps").IsServing.ShouldBeFalse();
        catalogue.Single(s => s.Name == "pay-rate-caps").Problems.ShouldHaveSingleItem().Message.ShouldStartWith("There are no test cases");
        catalogue.Where(s => s.Name != "pay-rate-caps").ShouldAllBe(s => s.IsServing);
        // Let the read left waiting on the pipe end, so the test leaves nothing behind.
        await File.WriteAllTextAsync(cases, string.Empty);
    }

    private async Task<IReadOnlyList<RuleSetStatus>> LoadAsync()
    {
        await using var services = TestServices.ForPolicies(_rules.Directory);
        return await services.GetRequiredService<IRuleSetCatalogue>().LoadedAsync();
    }
}
