using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connect2Luton.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FlagKindsNamedForTheirPoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The review and long-running points are values in the placement-length rules, so the flags are
            // named for the point, not for the six and twelve months the rules happened to say first.
            migrationBuilder.Sql("UPDATE PlacementFlags SET Kind = 'DueForReview' WHERE Kind = 'PastSixMonths';");
            migrationBuilder.Sql("UPDATE PlacementFlags SET Kind = 'LongRunning' WHERE Kind = 'PastTwelveMonths';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE PlacementFlags SET Kind = 'PastSixMonths' WHERE Kind = 'DueForReview';");
            migrationBuilder.Sql("UPDATE PlacementFlags SET Kind = 'PastTwelveMonths' WHERE Kind = 'LongRunning';");
        }
    }
}
