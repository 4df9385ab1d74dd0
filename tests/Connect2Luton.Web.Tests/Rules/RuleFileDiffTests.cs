using Connect2Luton.Testing;
using Connect2Luton.Web.Rules;
using DiffPlex.DiffBuilder.Model;

namespace Connect2Luton.Web.Tests.Rules;

/// <summary>Comparing two versions of a rule file shows what changed, where, and stays bounded however they differ.</summary>
public sealed class RuleFileDiffTests
{
    private static readonly string PayRateCaps = File.ReadAllText(Path.Combine(RuleFiles.RepositoryDirectory, "pay-rate-caps.json"));

    [Fact]
    public void A_one_line_change_shows_that_line_with_its_context_and_folds_the_rest_of_the_file()
    {
        var after = PayRateCaps.Replace("\"Expression\": \"45.00m\"", "\"Expression\": \"47.00m\"", StringComparison.Ordinal);
        var lines = PayRateCaps.Split('\n').Length;

        var diff = RuleFileDiff.Between("Before", PayRateCaps, "After", after);

        diff.Changed.ShouldBe(1);
        var changed = diff.Rows.Single(r => !r.IsSame);
        changed.Before.Kind.ShouldBe(ChangeType.Modified);
        changed.After.Text.ShouldContain("47.00m");
        changed.Before.Number.ShouldBe(changed.After.Number);
        diff.Rows.Count(r => r.Folded is null).ShouldBeLessThanOrEqualTo(1 + 2 * RuleFileDiff.Context);
        (diff.Rows.Count(r => r.Folded is null) + diff.Rows.Sum(r => r.Folded ?? 0)).ShouldBe(lines, "every line is shown or counted in a fold");
    }

    [Fact]
    public void Lines_added_and_taken_out_are_numbered_as_each_version_has_them()
    {
        var before = "a\nb\nc\nd\ne";
        var after = "a\nc\nd\nx\ny\ne";

        var rows = RuleFileDiff.Between("Before", before, "After", after).Rows;

        rows.Select(r => (r.Before.Number, r.Before.Kind, r.After.Number, r.After.Kind)).ShouldBe(
        [
            (1, ChangeType.Unchanged, 1, ChangeType.Unchanged),
            (2, ChangeType.Deleted, null, ChangeType.Imaginary),
            (3, ChangeType.Unchanged, 2, ChangeType.Unchanged),
            (4, ChangeType.Unchanged, 3, ChangeType.Unchanged),
            (null, ChangeType.Imaginary, 4, ChangeType.Inserted),
            (null, ChangeType.Imaginary, 5, ChangeType.Inserted),
            (5, ChangeType.Unchanged, 6, ChangeType.Unchanged),
        ]);
    }

    [Fact]
    public void Versions_that_differ_throughout_past_the_most_compared_are_shown_replaced_whole_between_their_shared_lines()
    {
        var before = "{\n" + string.Join('\n', Enumerable.Range(0, 3_000).Select(i => $"\"old{i}\": {i},")) + "\n}";
        var after = "{\n" + string.Join('\n', Enumerable.Range(0, 3_000).Select(i => $"\"new{i}\": {i},")) + "\n}";

        var diff = RuleFileDiff.Between("Before", before, "After", after);

        diff.ComparedWhole.ShouldBeFalse();
        diff.Changed.ShouldBe(3_000);
        diff.Rows[0].IsSame.ShouldBeTrue();
        diff.Rows[^1].IsSame.ShouldBeTrue();
        var middle = diff.Rows.Skip(1).SkipLast(1).ToList();
        middle.Count(r => r.Folded is null).ShouldBe(RuleFileDiff.MostRowsOfARun, "a long run of changes shows its first and last lines");
        middle.Where(r => r.Folded is null).ShouldAllBe(r => r.Before.Kind == ChangeType.Modified && r.After.Kind == ChangeType.Modified);
        middle.Single(r => r.Folded is not null).ShouldSatisfyAllConditions(r => r.FoldsChanges.ShouldBeTrue(), r => r.Folded.ShouldBe(3_000 - RuleFileDiff.MostRowsOfARun));
    }

    [Fact]
    public void A_file_padded_with_thousands_of_blank_lines_folds_them_so_the_comparison_stays_small()
    {
        var padded = PayRateCaps.TrimEnd() + new string('\n', 150_000);

        var diff = RuleFileDiff.Between("Before", PayRateCaps, "After", padded);

        diff.Rows.Count.ShouldBeLessThanOrEqualTo(RuleFileDiff.MostRowsOfARun + 2 * RuleFileDiff.Context + 4);
        diff.Rows.Sum(r => r.Folded ?? 1).ShouldBe(Math.Max(PayRateCaps.Split('\n').Length, padded.Split('\n').Length), "every row is shown or counted");
    }

    [Fact]
    public void Windows_line_endings_and_lone_carriage_returns_keep_the_line_numbers_of_each_version()
    {
        var before = "first\r\nsec\rond\r\nthird\r\n";
        var after = "first\r\nsecond\r\nthird\r\n";

        var diff = RuleFileDiff.Between("Before", before, "After", after);

        var changed = diff.Rows.Single(r => !r.IsSame);
        (changed.Before.Number, changed.After.Number).ShouldBe((2, 2));
        diff.Changed.ShouldBe(1);
    }
}
