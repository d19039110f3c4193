using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EngagementPlatform.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class DecisionListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_decisions_tenant_id_creation_time_id",
                schema: "governance",
                table: "decisions",
                columns: new[] { "tenant_id", "creation_time", "id" },
                descending: new[] { false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_decisions_tenant_id_creation_time_id",
                schema: "governance",
                table: "decisions");
        }
    }
}
