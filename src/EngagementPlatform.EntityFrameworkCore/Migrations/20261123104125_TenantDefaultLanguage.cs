using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EngagementPlatform.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class TenantDefaultLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "default_language",
                schema: "saas",
                table: "tenants",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "en");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "default_language",
                schema: "saas",
                table: "tenants");
        }
    }
}
