using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EngagementPlatform.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class OutboxDeduplicationKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "deduplication_key",
                schema: "notifications",
                table: "outbox_messages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_tenant_id_deduplication_key",
                schema: "notifications",
                table: "outbox_messages",
                columns: new[] { "tenant_id", "deduplication_key" },
                unique: true,
                filter: "deduplication_key IS NOT NULL")
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_tenant_id_deduplication_key",
                schema: "notifications",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "deduplication_key",
                schema: "notifications",
                table: "outbox_messages");
        }
    }
}
