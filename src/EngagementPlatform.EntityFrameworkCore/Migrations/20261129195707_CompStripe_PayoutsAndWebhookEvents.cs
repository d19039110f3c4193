using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EngagementPlatform.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class CompStripe_PayoutsAndWebhookEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "stripe_payouts",
                schema: "compensation");

            migrationBuilder.DropTable(
                name: "stripe_webhook_events",
                schema: "saas");
        }
    }
}
