using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EngagementPlatform.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class Compensation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "compensation");

            migrationBuilder.CreateTable(
                name: "payees",
                schema: "compensation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contact_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    creator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_modification_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_modifier_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payees", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rates",
                schema: "compensation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    council_id = table.Column<Guid>(type: "uuid", nullable: true),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "date", nullable: true),
                    previous_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    creator_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payable_items",
                schema: "compensation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    payee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: false),
                    unit_amount = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    source_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    council_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rate_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_by = table.Column<Guid>(type: "uuid", nullable: false),
                    approved_by = table.Column<Guid>(type: "uuid", nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    paid_method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    paid_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: true),
                    paid_by = table.Column<Guid>(type: "uuid", nullable: true),
                    void_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    adjusts_item_id = table.Column<Guid>(type: "uuid", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    creator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_modification_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_modifier_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payable_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_payable_items_payees_payee_id",
                        column: x => x.payee_id,
                        principalSchema: "compensation",
                        principalTable: "payees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payable_items_adjusts_item_id",
                schema: "compensation",
                table: "payable_items",
                column: "adjusts_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_payable_items_payee_id",
                schema: "compensation",
                table: "payable_items",
                column: "payee_id");

            migrationBuilder.CreateIndex(
                name: "ix_payable_items_tenant_id",
                schema: "compensation",
                table: "payable_items",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_payable_items_tenant_id_council_id_status",
                schema: "compensation",
                table: "payable_items",
                columns: new[] { "tenant_id", "council_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_payable_items_tenant_id_creation_time_id",
                schema: "compensation",
                table: "payable_items",
                columns: new[] { "tenant_id", "creation_time", "id" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "ix_payable_items_tenant_id_payee_id_creation_time",
                schema: "compensation",
                table: "payable_items",
                columns: new[] { "tenant_id", "payee_id", "creation_time" });

            migrationBuilder.CreateIndex(
                name: "ix_payable_items_tenant_id_status_creation_time_id",
                schema: "compensation",
                table: "payable_items",
                columns: new[] { "tenant_id", "status", "creation_time", "id" },
                descending: new[] { false, false, true, false });

            migrationBuilder.CreateIndex(
                name: "ux_payable_items_source_payee",
                schema: "compensation",
                table: "payable_items",
                columns: new[] { "tenant_id", "source_kind", "source_id", "payee_id" },
                unique: true,
                filter: "source_id IS NOT NULL AND adjusts_item_id IS NULL AND status <> 'Voided'");

            migrationBuilder.CreateIndex(
                name: "ix_payees_tenant_id",
                schema: "compensation",
                table: "payees",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_payees_tenant_id_name_id",
                schema: "compensation",
                table: "payees",
                columns: new[] { "tenant_id", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_payees_tenant_id_user_id",
                schema: "compensation",
                table: "payees",
                columns: new[] { "tenant_id", "user_id" },
                unique: true,
                filter: "user_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_rates_tenant_id",
                schema: "compensation",
                table: "rates",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_rates_tenant_id_council_id_unit_effective_from",
                schema: "compensation",
                table: "rates",
                columns: new[] { "tenant_id", "council_id", "unit", "effective_from" });

            migrationBuilder.CreateIndex(
                name: "ix_rates_tenant_id_name_id",
                schema: "compensation",
                table: "rates",
                columns: new[] { "tenant_id", "name", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payable_items",
                schema: "compensation");

            migrationBuilder.DropTable(
                name: "rates",
                schema: "compensation");

            migrationBuilder.DropTable(
                name: "payees",
                schema: "compensation");
        }
    }
}
