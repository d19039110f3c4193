using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EngagementPlatform.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class CompensationPayeesReportsPayouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "choice",
                schema: "compensation",
                table: "payees",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "choice_made_at",
                schema: "compensation",
                table: "payees",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "choice_method",
                schema: "compensation",
                table: "payees",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "choice_notice_version",
                schema: "compensation",
                table: "payees",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "details_masked",
                schema: "compensation",
                table: "payees",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "preferred_method",
                schema: "compensation",
                table: "payees",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "protected_details",
                schema: "compensation",
                table: "payees",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "tin_last4",
                schema: "compensation",
                table: "payees",
                type: "character(4)",
                fixedLength: true,
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "w9_on_file",
                schema: "compensation",
                table: "payees",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "w9_received_on",
                schema: "compensation",
                table: "payees",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "program_id",
                schema: "compensation",
                table: "payable_items",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "sequence",
                schema: "compensation",
                table: "payable_items",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "service_date",
                schema: "compensation",
                table: "payable_items",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "payee_stripe_accounts",
                schema: "compensation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    payee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stripe_account_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    details_submitted = table.Column<bool>(type: "boolean", nullable: false),
                    charges_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    payouts_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    transfers_active = table.Column<bool>(type: "boolean", nullable: false),
                    disabled_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    last_event_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    creator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_modification_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_modifier_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payee_stripe_accounts", x => x.id);
                    table.ForeignKey(
                        name: "fk_payee_stripe_accounts_payees_payee_id",
                        column: x => x.payee_id,
                        principalSchema: "compensation",
                        principalTable: "payees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "programs",
                schema: "compensation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    council_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    creator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_modification_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_modifier_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reporting_thresholds",
                schema: "compensation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    year = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    creator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_modification_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_modifier_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reporting_thresholds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stripe_payouts",
                schema: "compensation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    destination = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    transfer_group = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    transfer_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    failure_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    failure_message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    reversed_amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    reversal_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    reversed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: false),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    creator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_modification_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_modifier_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stripe_payouts", x => x.id);
                    table.ForeignKey(
                        name: "fk_stripe_payouts_payable_items_item_id",
                        column: x => x.item_id,
                        principalSchema: "compensation",
                        principalTable: "payable_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stripe_webhook_events",
                schema: "saas",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stripe_webhook_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "program_budgets",
                schema: "compensation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    program_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    creation_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    creator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_modification_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_modifier_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_program_budgets", x => x.id);
                    table.ForeignKey(
                        name: "fk_program_budgets_programs_program_id",
                        column: x => x.program_id,
                        principalSchema: "compensation",
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_payees_tin_last4",
                schema: "compensation",
                table: "payees",
                sql: "tin_last4 IS NULL OR tin_last4 ~ '^[0-9]{4}$'");

            migrationBuilder.CreateIndex(
                name: "ix_payable_items_tenant_id_status_paid_on",
                schema: "compensation",
                table: "payable_items",
                columns: new[] { "tenant_id", "status", "paid_on" });

            // Items made before this migration all have sequence 0: number each (source, payee)'s items, voided ones
            // too, in the order they were made, so the new unique key holds for existing data.
            migrationBuilder.Sql("""
                UPDATE compensation.payable_items AS i SET sequence = n.rn - 1
                FROM (SELECT id, row_number() OVER (PARTITION BY tenant_id, source_kind, source_id, payee_id ORDER BY creation_time, id) AS rn
                      FROM compensation.payable_items WHERE source_id IS NOT NULL) AS n
                WHERE i.id = n.id AND n.rn > 1;
                """);

            migrationBuilder.CreateIndex(
                name: "ux_payable_items_source_payee_sequence",
                schema: "compensation",
                table: "payable_items",
                columns: new[] { "tenant_id", "source_kind", "source_id", "payee_id", "sequence" },
                unique: true,
                filter: "source_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_payee_stripe_accounts_payee_id",
                schema: "compensation",
                table: "payee_stripe_accounts",
                column: "payee_id");

            migrationBuilder.CreateIndex(
                name: "ix_payee_stripe_accounts_stripe_account_id",
                schema: "compensation",
                table: "payee_stripe_accounts",
                column: "stripe_account_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payee_stripe_accounts_tenant_id",
                schema: "compensation",
                table: "payee_stripe_accounts",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_payee_stripe_accounts_tenant_id_payee_id",
                schema: "compensation",
                table: "payee_stripe_accounts",
                columns: new[] { "tenant_id", "payee_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_program_budgets_program_id",
                schema: "compensation",
                table: "program_budgets",
                column: "program_id");

            migrationBuilder.CreateIndex(
                name: "ix_program_budgets_tenant_id",
                schema: "compensation",
                table: "program_budgets",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_program_budgets_tenant_id_program_id_year",
                schema: "compensation",
                table: "program_budgets",
                columns: new[] { "tenant_id", "program_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_programs_tenant_id",
                schema: "compensation",
                table: "programs",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_programs_tenant_id_name",
                schema: "compensation",
                table: "programs",
                columns: new[] { "tenant_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reporting_thresholds_tenant_id",
                schema: "compensation",
                table: "reporting_thresholds",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_reporting_thresholds_tenant_id_year",
                schema: "compensation",
                table: "reporting_thresholds",
                columns: new[] { "tenant_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stripe_payouts_idempotency_key",
                schema: "compensation",
                table: "stripe_payouts",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stripe_payouts_item_id_attempt",
                schema: "compensation",
                table: "stripe_payouts",
                columns: new[] { "item_id", "attempt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stripe_payouts_tenant_id",
                schema: "compensation",
                table: "stripe_payouts",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_stripe_payouts_transfer_id",
                schema: "compensation",
                table: "stripe_payouts",
                column: "transfer_id",
                unique: true,
                filter: "transfer_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_stripe_payouts_live_item",
                schema: "compensation",
                table: "stripe_payouts",
                column: "item_id",
                unique: true,
                filter: "status <> 'Failed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payee_stripe_accounts",
                schema: "compensation");

            migrationBuilder.DropTable(
                name: "program_budgets",
                schema: "compensation");

            migrationBuilder.DropTable(
                name: "reporting_thresholds",
                schema: "compensation");

            migrationBuilder.DropTable(
                name: "stripe_payouts",
                schema: "compensation");

            migrationBuilder.DropTable(
                name: "stripe_webhook_events",
                schema: "saas");

            migrationBuilder.DropTable(
                name: "programs",
                schema: "compensation");

            migrationBuilder.DropCheckConstraint(
                name: "ck_payees_tin_last4",
                schema: "compensation",
                table: "payees");

            migrationBuilder.DropIndex(
                name: "ix_payable_items_tenant_id_status_paid_on",
                schema: "compensation",
                table: "payable_items");

            migrationBuilder.DropIndex(
                name: "ux_payable_items_source_payee_sequence",
                schema: "compensation",
                table: "payable_items");

            migrationBuilder.DropColumn(
                name: "choice",
                schema: "compensation",
                table: "payees");

            migrationBuilder.DropColumn(
                name: "choice_made_at",
                schema: "compensation",
                table: "payees");

            migrationBuilder.DropColumn(
                name: "choice_method",
                schema: "compensation",
                table: "payees");

            migrationBuilder.DropColumn(
                name: "choice_notice_version",
                schema: "compensation",
                table: "payees");

            migrationBuilder.DropColumn(
                name: "details_masked",
                schema: "compensation",
                table: "payees");

            migrationBuilder.DropColumn(
                name: "preferred_method",
                schema: "compensation",
                table: "payees");

            migrationBuilder.DropColumn(
                name: "protected_details",
                schema: "compensation",
                table: "payees");

            migrationBuilder.DropColumn(
                name: "tin_last4",
                schema: "compensation",
                table: "payees");

            migrationBuilder.DropColumn(
                name: "w9_on_file",
                schema: "compensation",
                table: "payees");

            migrationBuilder.DropColumn(
                name: "w9_received_on",
                schema: "compensation",
                table: "payees");

            migrationBuilder.DropColumn(
                name: "program_id",
                schema: "compensation",
                table: "payable_items");

            migrationBuilder.DropColumn(
                name: "sequence",
                schema: "compensation",
                table: "payable_items");

            migrationBuilder.DropColumn(
                name: "service_date",
                schema: "compensation",
                table: "payable_items");
        }
    }
}
