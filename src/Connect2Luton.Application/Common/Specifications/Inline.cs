namespace Connect2Luton.Application.Common.Specifications;

/// <summary>
/// A hint in a specification's criteria: a short list of reference ids (services, job roles) to be written into the
/// query as values rather than sent as a parameter, so the database's planner sees how many there are and which, and
/// reads the index keyed by them. On SQLite a list sent as one parameter looks to the planner like any number of
/// values, and it would rather walk every placement ever started by date. Only for lists of a few values that repeat
/// from query to query: each different list is a query of its own.
/// </summary>
public static class Inline
{
    /// <summary>The values as given; written into the SQL when the criteria are evaluated.</summary>
    public static IEnumerable<T> Values<T>(IEnumerable<T> values) => values;
}
