using Connect2Luton.Application.Common;
using Connect2Luton.Application.Common.Identity;
using Connect2Luton.Application.Common.Persistence;
using Connect2Luton.Application.Common.Results;
using Connect2Luton.Application.Policies;
using Connect2Luton.Domain.Common;
using Connect2Luton.Domain.SignOffs;

namespace Connect2Luton.Application.SignOffs;

/// <summary>A post that signs off exceptions: which rule sets name it, and who holds it and deputises now.</summary>
/// <param name="Version">The version to save against; <see cref="SignOffPositions.NeverFilled"/> for a post nobody has filled yet.</param>
/// <param name="NamedBy">The rule sets whose rules name it, as people call them; none for a post the rules no longer name.</param>
/// <param name="HolderCanSign">The holder's account is active (a deactivated one cannot sign in to sign).</param>
public sealed record PositionRow(string Name, int Version, PositionHolder? Holder, PositionHolder? Deputy, IReadOnlyList<string> NamedBy,
    bool HolderCanSign = false, bool DeputyCanSign = false)
{
    /// <summary>Someone who can sign in holds it or deputises for it.</summary>
    public bool IsHeld => HolderCanSign || DeputyCanSign;
}

/// <summary>
/// The posts the serving rules name as approvers, with who holds each: every rule set's rules are read the same way,
/// so a new rule set naming a new post brings it here. An admin says who holds each post and who deputises.
/// </summary>
public sealed class SignOffPositions(
    IRepository<SignOffPosition> positions,
    IRuleSetCatalogue catalogue,
    IUserDirectory directory,
    IUnitOfWork unitOfWork,
    ICurrentUser user,
    TimeProvider clock)
{
    /// <summary>The version of a post the rules name that no one has filled yet: a new post's first save is version 0, so two admins filling it at once still conflict.</summary>
    public const int NeverFilled = -1;

    public static class Fields
    {
        public const string Holder = "Holder";
        public const string Deputy = "Deputy";
    }

    /// <summary>The posts a rule names, as a sentence has them: "the Director of Children's Services and the Chief Executive".</summary>
    public static string InWords(string? approvers)
    {
        var posts = SignOffPosition.Named(approvers).Select(p => $"the {p}").ToList();
        return posts.Count == 0 ? "nobody" : WordLists.And(posts);
    }

    /// <summary>Every post the serving rules name, and any held before that they no longer do, by name.</summary>
    public async Task<IReadOnlyList<PositionRow>> ListAsync(CancellationToken cancellationToken)
    {
        var stored = (await positions.ListAsync(new AllPositionsSpec(), cancellationToken)).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var named = await NamedByRulesAsync(cancellationToken);
        var active = (await directory.ActiveAsync(cancellationToken)).Select(u => u.UserName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return named.Keys.Concat(stored.Keys).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(name => stored.TryGetValue(name, out var post)
                ? new PositionRow(post.Name, post.Version, post.Holder, post.Deputy, named.GetValueOrDefault(name) ?? [],
                    post.HolderUserName is { } holder && active.Contains(holder), post.DeputyUserName is { } deputy && active.Contains(deputy))
                : new PositionRow(name, NeverFilled, null, null, named[name]))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Of the posts a rule names, those no one who can sign in holds or deputises for: a request to them would wait with nobody to sign it.</summary>
    public async Task<IReadOnlyList<string>> UnheldAsync(string? approvers, CancellationToken cancellationToken)
    {
        var wanted = SignOffPosition.Named(approvers);
        if (wanted.Count == 0) return [];
        var active = (await directory.ActiveAsync(cancellationToken)).Select(u => u.UserName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var held = (await positions.ListAsync(new AllPositionsSpec(), cancellationToken))
            .Where(p => (p.HolderUserName is { } h && active.Contains(h)) || (p.DeputyUserName is { } d && active.Contains(d)))
            .Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return wanted.Where(p => !held.Contains(p)).ToList();
    }

    public Task<IReadOnlyList<DirectoryUser>> PeopleAsync(CancellationToken cancellationToken) => directory.ActiveAsync(cancellationToken);

    /// <summary>Says who holds a post and who deputises (user names; blank for nobody), against the version the admin saw.</summary>
    public async Task<CommandResult> AssignAsync(string name, int version, string? holder, string? deputy, CancellationToken cancellationToken)
    {
        if (!user.May(Permissions.ManageSignOffPositions)) return CommandResult.Forbidden("Only admins say who holds each post.");
        var post = (await positions.ListAsync(new AllPositionsSpec(forUpdate: true), cancellationToken)).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (post is null && !(await NamedByRulesAsync(cancellationToken)).ContainsKey(name ?? string.Empty)) return CommandResult.NotFound();

        var people = await directory.ActiveAsync(cancellationToken);
        var errors = new FieldErrors();
        var holderUser = Find(people, holder, Fields.Holder, errors);
        var deputyUser = Find(people, deputy, Fields.Deputy, errors);
        if (holderUser is null && deputyUser is not null) errors.Add(Fields.Holder, "Choose who holds the post: a deputy stands in for a holder");
        if (holderUser is not null && deputyUser is not null && holderUser.UserName == deputyUser.UserName)
            errors.Add(Fields.Deputy, "Choose someone other than the holder as deputy, or nobody");
        if (errors.Any) return errors.ToResult();

        var now = clock.GetUtcNow();
        if (post is null)
        {
            if (version != NeverFilled) return CommandResult.Conflict("Someone changed who holds this post while you were working on it. The page shows it as it is now.");
            post = new SignOffPosition(name!, user.Name, now);
            positions.Add(post);
        }
        else positions.ExpectVersion(post, version);
        post.Assign(Holder(holderUser), Holder(deputyUser), user.Name, now);
        var saved = await unitOfWork.SaveChangesAsync(cancellationToken);
        return saved.IsConflict
            ? CommandResult.Conflict("Someone changed who holds this post while you were working on it. Nothing has been saved: the page shows it as it is now.")
            : CommandResult.Done(post.Id);
    }

    /// <summary>Post name to the rule sets naming it.</summary>
    private async Task<Dictionary<string, IReadOnlyList<string>>> NamedByRulesAsync(CancellationToken cancellationToken)
    {
        var named = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var status in await catalogue.LoadedAsync(cancellationToken))
        {
            if (catalogue.Describe(status.Name) is not { } view) continue;
            foreach (var post in view.Rules.SelectMany(r => SignOffPosition.Named(r.Approvers)))
            {
                if (!named.TryGetValue(post, out var sets)) named[post] = sets = [];
                if (!sets.Contains(status.DisplayName)) sets.Add(status.DisplayName);
            }
        }
        return named.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.OrdinalIgnoreCase);
    }

    private static DirectoryUser? Find(IReadOnlyList<DirectoryUser> people, string? userName, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(userName)) return null;
        var found = people.FirstOrDefault(p => string.Equals(p.UserName, userName.Trim(), StringComparison.OrdinalIgnoreCase));
        if (found is null) errors.Add(field, "Choose someone from the list: they must have an account that can sign in");
        return found;
    }

    private static PositionHolder? Holder(DirectoryUser? person) => person is null ? null : new PositionHolder(person.UserName, person.Name);
}
