using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LunaPoint.Modules.Detection.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "detection");

            migrationBuilder.CreateTable(
                name: "tracks",
                schema: "detection",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    stream_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    best_shot_at = table.Column<long>(type: "INTEGER", nullable: true),
                    best_shot_quality = table.Column<double>(type: "REAL", nullable: true),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tracks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                schema: "detection",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    stream_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    track_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    payload_json = table.Column<string>(type: "TEXT", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    delivered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_deliveries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tracks_stream_id_started_at",
                schema: "detection",
                table: "tracks",
                columns: new[] { "stream_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_delivered_at_next_attempt_at",
                schema: "detection",
                table: "webhook_deliveries",
                columns: new[] { "delivered_at", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tracks",
                schema: "detection");

            migrationBuilder.DropTable(
                name: "webhook_deliveries",
                schema: "detection");
        }
    }
}
