namespace Connect2Luton.Infrastructure.Persistence.Migrations;

/// <summary>
/// The index the worker search by postcode district and checks is counted from alone: each worker's district with the
/// columns that say whether their permission to work, DBS certificate and registration are on record and when they
/// end. A district of 90,000 workers at national scale was counted by reading each one's row (a quarter of a second,
/// again after every worker saved); from this index, about 30 ms. Written by hand because EF Core cannot index an owned
/// type's columns; a migration that rebuilds the Workers table on SQLite must create it again.
/// </summary>
internal static class WorkerChecksIndex
{
    public const string Name = "IX_Workers_DistrictChecks";

    /// <summary>SQLite has no included columns: the checks' columns are keys too.</summary>
    public const string Sqlite = """
        CREATE INDEX "IX_Workers_DistrictChecks" ON "Workers" ("PostcodeDistrict", "RightToWorkCheckedOn", "RightToWorkExpiresOn", "DbsCertificateNumber", "DbsIssuedOn", "DbsLevel", "DbsOnUpdateService", "RegistrationBody", "RegistrationExpiresOn", "RegistrationNumber");
        """;

    public const string SqlServer = """
        CREATE INDEX [IX_Workers_DistrictChecks] ON [Workers] ([PostcodeDistrict]) INCLUDE ([RightToWorkCheckedOn], [RightToWorkExpiresOn], [DbsCertificateNumber], [DbsIssuedOn], [DbsLevel], [DbsOnUpdateService], [RegistrationBody], [RegistrationExpiresOn], [RegistrationNumber]);
        """;
}
