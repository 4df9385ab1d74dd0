using Connect2Luton.Application.Common.Identity;

namespace Connect2Luton.Infrastructure.Identity;

/// <summary>The actor for work no person started: start-up seeding, migrations, nightly jobs.</summary>
public sealed class SystemUser : ICurrentUser
{
    public const string UserName = "system";

    public string Name => UserName;

    public int? ServiceAreaId => null;

    public bool IsInRole(string role) => false;
}
