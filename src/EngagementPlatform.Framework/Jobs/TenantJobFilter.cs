using EngagementPlatform.Framework.MultiTenancy;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;

namespace EngagementPlatform.Framework.Jobs;

/// <summary>
/// Carries the tenant of whoever enqueued a job into the job's run, as ABP's job arguments do: the client side
/// stores the tenant id as a job parameter, the server side restores it around the job. A job that names its
/// tenant explicitly (a <see cref="JobTenant"/> argument, as a per-tenant recurring job does, created by the
/// scheduler where no tenant is current) is stored with that tenant instead.
/// </summary>
public sealed class TenantJobFilter(ICurrentTenant currentTenant) : JobFilterAttribute, IClientFilter, IServerFilter
{
    private const string Parameter = "TenantId";
    private const string ScopeItem = "EngagementPlatform.TenantScope";

    public void OnCreating(CreatingContext context)
    {
        if (context.Job.Args.OfType<JobTenant>().FirstOrDefault() is { } named)
        {
            context.SetJobParameter(Parameter, named.Id.ToString());
        }
        else if (currentTenant.Id is { } tenantId)
        {
            context.SetJobParameter(Parameter, tenantId.ToString());
        }
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        var stored = context.GetJobParameter<string?>(Parameter);
        Guid? tenantId = Guid.TryParse(stored, out var id) ? id : null;
        // A synchronous AsyncLocal change made here stays visible to the job invoked right after.
        context.Items[ScopeItem] = currentTenant.Change(tenantId);
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(ScopeItem, out var scope) && scope is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
