using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LunaPoint.Modules.Streams.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "streams");

            migrationBuilder.CreateTable(
                name: "stream_logs",
                schema: "streams",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    stream_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    from_status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    to_status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stream_logs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "streams",
                schema: "streams",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    location_address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    endless = table.Column<bool>(type: "INTEGER", nullable: false),
                    settings_json = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    last_frame_at = table.Column<long>(type: "INTEGER", nullable: true),
                    input_fps = table.Column<double>(type: "REAL", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_streams", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_stream_logs_stream_id_at",
                schema: "streams",
                table: "stream_logs",
                columns: new[] { "stream_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_streams_name",
                schema: "streams",
                table: "streams",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_streams_status",
                schema: "streams",
                table: "streams",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stream_logs",
                schema: "streams");

            migrationBuilder.DropTable(
                name: "streams",
                schema: "streams");
        }
    }
}
