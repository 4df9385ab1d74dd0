namespace Connect2Luton.Application.Common.Identity;

/// <summary>Someone with an account: the user name they sign in with and their name as pages show it.</summary>
public sealed record DirectoryUser(string UserName, string Name);

/// <summary>The people who can sign in, for choosing who holds a post, and the names to show for what they did.</summary>
public interface IUserDirectory
{
    /// <summary>Everyone who can sign in now, by name.</summary>
    Task<IReadOnlyList<DirectoryUser>> ActiveAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The names the accounts with these user names are known by, whatever their case: a worker's account by its
    /// worker's name, anyone else's by the account's name. Deactivated accounts are named too (what they did stays
    /// theirs); a user name with no account, or an account with no name, is left out, for the caller to show as it is.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> userNames, CancellationToken cancellationToken);
}
