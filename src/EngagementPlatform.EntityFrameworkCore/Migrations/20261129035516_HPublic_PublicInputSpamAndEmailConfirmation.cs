using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EngagementPlatform.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class HPublic_PublicInputSpamAndEmailConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "email_confirmation_hash",
                schema: "governance",
                table: "decision_inputs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "email_confirmed_at",
                schema: "governance",
                table: "decision_inputs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_spam",
                schema: "governance",
                table: "decision_inputs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "marked_spam_at",
                schema: "governance",
                table: "decision_inputs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_decision_inputs_email_confirmation_hash",
                schema: "governance",
                table: "decision_inputs",
                column: "email_confirmation_hash",
                unique: true,
                filter: "email_confirmation_hash IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_decision_inputs_email_confirmation_hash",
                schema: "governance",
                table: "decision_inputs");

            migrationBuilder.DropColumn(
                name: "email_confirmation_hash",
                schema: "governance",
                table: "decision_inputs");

            migrationBuilder.DropColumn(
                name: "email_confirmed_at",
                schema: "governance",
                table: "decision_inputs");

            migrationBuilder.DropColumn(
                name: "is_spam",
                schema: "governance",
                table: "decision_inputs");

            migrationBuilder.DropColumn(
                name: "marked_spam_at",
                schema: "governance",
                table: "decision_inputs");
        }
    }
}
