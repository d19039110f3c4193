using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EngagementPlatform.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class CompReports_ProgramsBudgetsThresholds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "program_id",
                schema: "compensation",
                table: "payable_items",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "service_date",
                schema: "compensation",
                table: "payable_items",
                type: "date",
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_payable_items_tenant_id_status_paid_on",
                schema: "compensation",
                table: "payable_items",
                columns: new[] { "tenant_id", "status", "paid_on" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "program_budgets",
                schema: "compensation");

            migrationBuilder.DropTable(
                name: "reporting_thresholds",
                schema: "compensation");

            migrationBuilder.DropTable(
                name: "programs",
                schema: "compensation");

            migrationBuilder.DropIndex(
                name: "ix_payable_items_tenant_id_status_paid_on",
                schema: "compensation",
                table: "payable_items");

            migrationBuilder.DropColumn(
                name: "program_id",
                schema: "compensation",
                table: "payable_items");

            migrationBuilder.DropColumn(
                name: "service_date",
                schema: "compensation",
                table: "payable_items");
        }
    }
}
