namespace Connect2Luton.Application.Common.Identity;

/// <summary>Someone with an account: the user name they sign in with and their name as pages show it.</summary>
public sealed record DirectoryUser(string UserName, string Name);

/// <summary>The people who can sign in, for choosing who holds a post.</summary>
public interface IUserDirectory
{
    /// <summary>Everyone who can sign in now, by name.</summary>
    Task<IReadOnlyList<DirectoryUser>> ActiveAsync(CancellationToken cancellationToken);
}
