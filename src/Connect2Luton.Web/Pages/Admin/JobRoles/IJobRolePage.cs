using Connect2Luton.Web.Forms;

namespace Connect2Luton.Web.Pages.Admin.JobRoles;

/// <summary>What the job role fields need from the page they are on.</summary>
public interface IJobRolePage
{
    JobRoleForm Input { get; }
}
