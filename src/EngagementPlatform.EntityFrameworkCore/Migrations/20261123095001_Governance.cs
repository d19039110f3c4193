using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EngagementPlatform.EntityFrameworkCore.Migrations
{
    /// <inheritdoc />
    public partial class Governance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "governance");

            migrationBuilder.CreateTable(
                name: "councils",
                schema: "governance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    charter = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    require_compliance_to_vote = table.Column<bool>(type: "boolean", nullable: false),
                    minimum_cell_size = table.Column<int>(type: "integer", nullable: false),
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
                    table.PrimaryKey("pk_councils", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "decisions",
                schema: "governance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    council_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    options = table.Column<string>(type: "jsonb", nullable: false),
                    quorum = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    threshold = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    secret_ballot = table.Column<bool>(type: "boolean", nullable: false),
                    concurrent_majority = table.Column<bool>(type: "boolean", nullable: false),
                    community_quorum = table.Column<int>(type: "integer", nullable: true),
                    allow_public_input = table.Column<bool>(type: "boolean", nullable: false),
                    public_input_token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    voting_closes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    voting_opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    voting_closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    close_voting_job_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    close_the_loop_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ballot_secret = table.Column<byte[]>(type: "bytea", nullable: true),
                    tally_json = table.Column<string>(type: "json", nullable: true),
                    outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    rationale = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    implemented_on = table.Column<DateOnly>(type: "date", nullable: true),
                    implementation_note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawn_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recusals = table.Column<string>(type: "jsonb", nullable: false),
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
                    table.PrimaryKey("pk_decisions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                schema: "governance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    council_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    agenda = table.Column<string>(type: "jsonb", nullable: false),
                    access_supports = table.Column<string>(type: "jsonb", nullable: false),
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
                    table.PrimaryKey("pk_meetings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "member_demographics",
                schema: "governance",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    language = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    age_band = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    race_ethnicity = table.Column<string>(type: "jsonb", nullable: false),
                    neighborhood = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_demographics", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "settings",
                schema: "governance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    close_the_loop_days = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "composition_rules",
                schema: "governance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    council_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    categories = table.Column<string>(type: "jsonb", nullable: false),
                    minimum_share = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: true),
                    minimum_seats = table.Column<int>(type: "integer", nullable: true),
                    phases = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_composition_rules", x => x.id);
                    table.ForeignKey(
                        name: "fk_composition_rules_councils_council_id",
                        column: x => x.council_id,
                        principalSchema: "governance",
                        principalTable: "councils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "seats",
                schema: "governance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    council_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    is_voting = table.Column<bool>(type: "boolean", nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seats", x => x.id);
                    table.ForeignKey(
                        name: "fk_seats_councils_council_id",
                        column: x => x.council_id,
                        principalSchema: "governance",
                        principalTable: "councils",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ballot_participations",
                schema: "governance",
                columns: table => new
                {
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ballot_participations", x => new { x.decision_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_ballot_participations_decisions_decision_id",
                        column: x => x.decision_id,
                        principalSchema: "governance",
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ballots",
                schema: "governance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    voter_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    ballot_key = table.Column<byte[]>(type: "bytea", nullable: true),
                    is_community = table.Column<bool>(type: "boolean", nullable: false),
                    content_json = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ballots", x => x.id);
                    table.ForeignKey(
                        name: "fk_ballots_decisions_decision_id",
                        column: x => x.decision_id,
                        principalSchema: "governance",
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decision_inputs",
                schema: "governance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    public_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    public_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    is_community_input = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    use = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    use_explanation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_inputs", x => x.id);
                    table.ForeignKey(
                        name: "fk_decision_inputs_decisions_decision_id",
                        column: x => x.decision_id,
                        principalSchema: "governance",
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "eligible_voters",
                schema: "governance",
                columns: table => new
                {
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_eligible_voters", x => new { x.decision_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_eligible_voters_decisions_decision_id",
                        column: x => x.decision_id,
                        principalSchema: "governance",
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "attendance",
                schema: "governance",
                columns: table => new
                {
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    attended = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attendance", x => new { x.meeting_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_attendance_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalSchema: "governance",
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "seat_assignments",
                schema: "governance",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    seat_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    term_start = table.Column<DateOnly>(type: "date", nullable: false),
                    term_end = table.Column<DateOnly>(type: "date", nullable: true),
                    ended_early = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seat_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_seat_assignments_seats_seat_id",
                        column: x => x.seat_id,
                        principalSchema: "governance",
                        principalTable: "seats",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attendance_tenant_id",
                schema: "governance",
                table: "attendance",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_ballot_participations_tenant_id",
                schema: "governance",
                table: "ballot_participations",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_ballots_decision_id_ballot_key",
                schema: "governance",
                table: "ballots",
                columns: new[] { "decision_id", "ballot_key" },
                unique: true,
                filter: "ballot_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_ballots_decision_id_voter_user_id",
                schema: "governance",
                table: "ballots",
                columns: new[] { "decision_id", "voter_user_id" },
                unique: true,
                filter: "voter_user_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_ballots_tenant_id",
                schema: "governance",
                table: "ballots",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_composition_rules_council_id",
                schema: "governance",
                table: "composition_rules",
                column: "council_id");

            migrationBuilder.CreateIndex(
                name: "ix_composition_rules_tenant_id",
                schema: "governance",
                table: "composition_rules",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_councils_tenant_id",
                schema: "governance",
                table: "councils",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_decision_inputs_decision_id",
                schema: "governance",
                table: "decision_inputs",
                column: "decision_id");

            migrationBuilder.CreateIndex(
                name: "ix_decision_inputs_tenant_id",
                schema: "governance",
                table: "decision_inputs",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_decision_inputs_tenant_id_author_user_id",
                schema: "governance",
                table: "decision_inputs",
                columns: new[] { "tenant_id", "author_user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_decisions_public_input_token",
                schema: "governance",
                table: "decisions",
                column: "public_input_token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_decisions_tenant_id",
                schema: "governance",
                table: "decisions",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_decisions_tenant_id_council_id_state",
                schema: "governance",
                table: "decisions",
                columns: new[] { "tenant_id", "council_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_eligible_voters_tenant_id",
                schema: "governance",
                table: "eligible_voters",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_eligible_voters_tenant_id_user_id",
                schema: "governance",
                table: "eligible_voters",
                columns: new[] { "tenant_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_meetings_tenant_id",
                schema: "governance",
                table: "meetings",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_tenant_id_council_id_starts_at",
                schema: "governance",
                table: "meetings",
                columns: new[] { "tenant_id", "council_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_member_demographics_tenant_id",
                schema: "governance",
                table: "member_demographics",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_seat_assignments_seat_id",
                schema: "governance",
                table: "seat_assignments",
                column: "seat_id");

            migrationBuilder.CreateIndex(
                name: "ix_seat_assignments_tenant_id",
                schema: "governance",
                table: "seat_assignments",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_seat_assignments_tenant_id_user_id",
                schema: "governance",
                table: "seat_assignments",
                columns: new[] { "tenant_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_seats_council_id",
                schema: "governance",
                table: "seats",
                column: "council_id");

            migrationBuilder.CreateIndex(
                name: "ix_seats_tenant_id",
                schema: "governance",
                table: "seats",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_settings_tenant_id",
                schema: "governance",
                table: "settings",
                column: "tenant_id",
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attendance",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "ballot_participations",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "ballots",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "composition_rules",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "decision_inputs",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "eligible_voters",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "member_demographics",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "seat_assignments",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "settings",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "meetings",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "decisions",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "seats",
                schema: "governance");

            migrationBuilder.DropTable(
                name: "councils",
                schema: "governance");
        }
    }
}
