using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EngagementPlatform.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class CompPayees_PayeeDetailsAndItemSequence : Migration
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

            migrationBuilder.AddColumn<int>(
                name: "sequence",
                schema: "compensation",
                table: "payable_items",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddCheckConstraint(
                name: "ck_payees_tin_last4",
                schema: "compensation",
                table: "payees",
                sql: "tin_last4 IS NULL OR tin_last4 ~ '^[0-9]{4}$'");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_payees_tin_last4",
                schema: "compensation",
                table: "payees");

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
                name: "sequence",
                schema: "compensation",
                table: "payable_items");
        }
    }
}
