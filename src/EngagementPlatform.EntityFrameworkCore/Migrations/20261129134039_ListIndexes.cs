using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EngagementPlatform.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_tenant_id_status_created_at",
                schema: "notifications",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_meetings_tenant_id_council_id_starts_at",
                schema: "governance",
                table: "meetings");

            migrationBuilder.DropIndex(
                name: "ix_audit_log_entries_tenant_id_time",
                schema: "audit",
                table: "audit_log_entries");

            migrationBuilder.CreateIndex(
                name: "ix_users_tenant_id_user_name_id",
                schema: "identity",
                table: "users",
                columns: new[] { "tenant_id", "user_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_tenant_id_created_at_id",
                schema: "notifications",
                table: "outbox_messages",
                columns: new[] { "tenant_id", "created_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_tenant_id_status_created_at_id",
                schema: "notifications",
                table: "outbox_messages",
                columns: new[] { "tenant_id", "status", "created_at", "id" },
                descending: new[] { false, false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_tenant_id_council_id_starts_at_id",
                schema: "governance",
                table: "meetings",
                columns: new[] { "tenant_id", "council_id", "starts_at", "id" },
                descending: new[] { false, false, true, false });

            migrationBuilder.CreateIndex(
                name: "ix_decision_inputs_tenant_id_decision_id_created_at_id",
                schema: "governance",
                table: "decision_inputs",
                columns: new[] { "tenant_id", "decision_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_entries_tenant_id_time_id",
                schema: "audit",
                table: "audit_log_entries",
                columns: new[] { "tenant_id", "time", "id" },
                descending: new[] { false, true, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_users_tenant_id_user_name_id",
                schema: "identity",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_tenant_id_created_at_id",
                schema: "notifications",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_tenant_id_status_created_at_id",
                schema: "notifications",
                table: "outbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_meetings_tenant_id_council_id_starts_at_id",
                schema: "governance",
                table: "meetings");

            migrationBuilder.DropIndex(
                name: "ix_decision_inputs_tenant_id_decision_id_created_at_id",
                schema: "governance",
                table: "decision_inputs");

            migrationBuilder.DropIndex(
                name: "ix_audit_log_entries_tenant_id_time_id",
                schema: "audit",
                table: "audit_log_entries");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_tenant_id_status_created_at",
                schema: "notifications",
                table: "outbox_messages",
                columns: new[] { "tenant_id", "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_tenant_id_council_id_starts_at",
                schema: "governance",
                table: "meetings",
                columns: new[] { "tenant_id", "council_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_entries_tenant_id_time",
                schema: "audit",
                table: "audit_log_entries",
                columns: new[] { "tenant_id", "time" },
                descending: new[] { false, true });
        }
    }
}
