using Connect2Luton.Domain.Jobs;
using Connect2Luton.Testing;

namespace Connect2Luton.Domain.Tests.Jobs;

public sealed class JobRunTests
{
    [Fact]
    public void A_run_with_failures_completes_with_errors_and_keeps_its_log_bounded()
    {
        var run = new JobRun("flag-long-placements", Clocks.Today, "schedule", Clocks.Now);
        run.RecordBatch(scanned: 500, flagsRaised: 12, flagsResolved: 3, promptsRaised: 0);

        for (var i = 0; i < 1_000; i++) run.RecordFailure($"Placement {i}: rule set could not be evaluated because of a missing fact");
        run.Finish(Clocks.Now.AddMinutes(2));

        run.Status.ShouldBe(JobRunStatus.CompletedWithErrors);
        run.Failures.ShouldBe(1_000);
        run.PlacementsScanned.ShouldBe(500);
        run.ErrorLog!.Length.ShouldBeLessThanOrEqualTo(4_000);
        run.ErrorLog.ShouldStartWith("Placement 0:");
    }
}
