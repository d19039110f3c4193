using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EngagementPlatform.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class DataSharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "data_sharing");

            migrationBuilder.CreateTable(
                name: "agreements",
                schema: "data_sharing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sensitivity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "date", nullable: true),
                    destruction_date = table.Column<DateOnly>(type: "date", nullable: true),
                    party_names = table.Column<string>(type: "character varying(4040)", maxLength: 4040, nullable: false),
                    current_version_number = table.Column<int>(type: "integer", nullable: false),
                    latest_version_number = table.Column<int>(type: "integer", nullable: false),
                    amendment_state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    creator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_modification_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_modifier_id = table.Column<Guid>(type: "uuid", nullable: true),
                    is_deleted = table.Column<bool>(type: "boolean", nullable: false),
                    deletion_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    deleter_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "settings",
                schema: "data_sharing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    require_community_owner = table.Column<bool>(type: "boolean", nullable: false),
                    expiry_reminder_days = table.Column<List<int>>(type: "integer[]", nullable: false),
                    destruction_reminder_days = table.Column<List<int>>(type: "integer[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_sharing_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "agreement_versions",
                schema: "data_sharing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    purpose = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    sensitivity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    parties = table.Column<string>(type: "jsonb", nullable: false),
                    data_elements = table.Column<string>(type: "jsonb", nullable: false),
                    governance = table.Column<string>(type: "jsonb", nullable: false),
                    permitted_uses = table.Column<string>(type: "jsonb", nullable: false),
                    retention_period = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    destruction_date = table.Column<DateOnly>(type: "date", nullable: true),
                    destruction_method = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    breach_notification_days = table.Column<int>(type: "integer", nullable: true),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "date", nullable: true),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_by = table.Column<Guid>(type: "uuid", nullable: true),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    activated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    termination_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreement_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreement_versions_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalSchema: "data_sharing",
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "destruction_attestations",
                schema: "data_sharing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    party_id = table.Column<Guid>(type: "uuid", nullable: false),
                    party_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    attested_by = table.Column<Guid>(type: "uuid", nullable: false),
                    typed_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    method = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    destroyed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    attested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_destruction_attestations", x => x.id);
                    table.ForeignKey(
                        name: "fk_destruction_attestations_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalSchema: "data_sharing",
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "agreement_signatures",
                schema: "data_sharing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    party_id = table.Column<Guid>(type: "uuid", nullable: false),
                    party_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    signer_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    typed_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ip_address = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: true),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreement_signatures", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreement_signatures_agreement_versions_version_id",
                        column: x => x.version_id,
                        principalSchema: "data_sharing",
                        principalTable: "agreement_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_agreement_signatures_tenant_id",
                schema: "data_sharing",
                table: "agreement_signatures",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreement_signatures_tenant_id_signer_user_id",
                schema: "data_sharing",
                table: "agreement_signatures",
                columns: new[] { "tenant_id", "signer_user_id" });

            migrationBuilder.CreateIndex(
                name: "ux_agreement_signatures_version_party",
                schema: "data_sharing",
                table: "agreement_signatures",
                columns: new[] { "version_id", "party_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_agreement_versions_agreement_id_number",
                schema: "data_sharing",
                table: "agreement_versions",
                columns: new[] { "agreement_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_agreement_versions_tenant_id",
                schema: "data_sharing",
                table: "agreement_versions",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreement_versions_tenant_id_state",
                schema: "data_sharing",
                table: "agreement_versions",
                columns: new[] { "tenant_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_agreements_tenant_id",
                schema: "data_sharing",
                table: "agreements",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_tenant_id_state_effective_to",
                schema: "data_sharing",
                table: "agreements",
                columns: new[] { "tenant_id", "state", "effective_to" });

            migrationBuilder.CreateIndex(
                name: "ix_agreements_tenant_id_title_id",
                schema: "data_sharing",
                table: "agreements",
                columns: new[] { "tenant_id", "title", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_destruction_attestations_tenant_id",
                schema: "data_sharing",
                table: "destruction_attestations",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ux_destruction_attestations_agreement_party",
                schema: "data_sharing",
                table: "destruction_attestations",
                columns: new[] { "agreement_id", "party_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_data_sharing_settings_tenant_id",
                schema: "data_sharing",
                table: "settings",
                column: "tenant_id",
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreement_signatures",
                schema: "data_sharing");

            migrationBuilder.DropTable(
                name: "destruction_attestations",
                schema: "data_sharing");

            migrationBuilder.DropTable(
                name: "settings",
                schema: "data_sharing");

            migrationBuilder.DropTable(
                name: "agreement_versions",
                schema: "data_sharing");

            migrationBuilder.DropTable(
                name: "agreements",
                schema: "data_sharing");
        }
    }
}
