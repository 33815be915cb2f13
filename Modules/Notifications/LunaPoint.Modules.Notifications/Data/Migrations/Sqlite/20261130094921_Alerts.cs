using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LunaPoint.Modules.Notifications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Step 1's sketch tables held nothing (no rules or deliveries were ever written): dropped and the
            // new ones created, with no table rebuilds (SQLite would run them outside the transaction).
            migrationBuilder.DropTable(
                name: "deliveries",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "rules",
                schema: "notifications");

            migrationBuilder.CreateTable(
                name: "alert_rules",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    trigger = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    conditions = table.Column<string>(type: "TEXT", nullable: false),
                    channels = table.Column<string>(type: "TEXT", nullable: false),
                    cooldown_seconds = table.Column<int>(type: "INTEGER", nullable: false),
                    escalate_after_seconds = table.Column<int>(type: "INTEGER", nullable: true),
                    escalation_channels = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "alerts",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    rule_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    rule_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    trigger = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    stream_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    stream_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    track_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    face_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    face_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    external_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    list_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    list_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    list_color = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    similarity = table.Column<double>(type: "REAL", nullable: true),
                    age = table.Column<double>(type: "REAL", nullable: true),
                    gender = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    liveness = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    face_jpeg = table.Column<byte[]>(type: "BLOB", nullable: true),
                    acknowledged_at = table.Column<long>(type: "INTEGER", nullable: true),
                    acknowledged_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    acknowledge_comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    escalate_at = table.Column<long>(type: "INTEGER", nullable: true),
                    escalated_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cooldowns",
                schema: "notifications",
                columns: table => new
                {
                    rule_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    last_alert_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cooldowns", x => new { x.rule_id, x.subject_key });
                });

            migrationBuilder.CreateTable(
                name: "pause",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    until = table.Column<long>(type: "INTEGER", nullable: true),
                    paused_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    paused_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pause", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "smtp_settings",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    host = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    port = table.Column<int>(type: "INTEGER", nullable: false),
                    security = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    protected_password = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    from = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_smtp_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    alert_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    rule_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    recipient = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    target = table.Column<string>(type: "TEXT", nullable: false),
                    escalation = table.Column<bool>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_attempt_at = table.Column<long>(type: "INTEGER", nullable: true),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    claimed_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    claimed_until = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => x.id);
                    table.ForeignKey(
                        name: "fk_outbox_alerts_alert_id",
                        column: x => x.alert_id,
                        principalSchema: "notifications",
                        principalTable: "alerts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alert_rules_name",
                schema: "notifications",
                table: "alert_rules",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_alerts_created_at",
                schema: "notifications",
                table: "alerts",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_escalate_at",
                schema: "notifications",
                table: "alerts",
                column: "escalate_at");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_occurred_at",
                schema: "notifications",
                table: "alerts",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_rule_id",
                schema: "notifications",
                table: "alerts",
                column: "rule_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_alert_id",
                schema: "notifications",
                table: "outbox",
                column: "alert_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_created_at",
                schema: "notifications",
                table: "outbox",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_status_channel_next_attempt_at",
                schema: "notifications",
                table: "outbox",
                columns: new[] { "status", "channel", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cooldowns",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "pause",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "smtp_settings",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "alerts",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "alert_rules",
                schema: "notifications");

            migrationBuilder.CreateTable(
                name: "deliveries",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    rule_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    channel = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    recipient = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rules",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    trigger_json = table.Column<string>(type: "TEXT", nullable: false),
                    channels_json = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rules", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_status_next_attempt_at",
                schema: "notifications",
                table: "deliveries",
                columns: new[] { "status", "next_attempt_at" });
        }
    }
}
