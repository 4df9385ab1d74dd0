using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Connect2Luton.Infrastructure.Scheduling;

internal static class SchedulingRegistration
{
    /// <summary>
    /// The Quartz scheduler that will run the nightly jobs, started and stopped with the app. Its jobs, store and
    /// clustering arrive with the nightly-jobs work; its state is already part of /health.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddQuartz(_ => { });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
