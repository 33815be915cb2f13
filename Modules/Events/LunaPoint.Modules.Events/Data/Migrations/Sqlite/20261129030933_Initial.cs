using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LunaPoint.Modules.Events.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "events");

            migrationBuilder.CreateTable(
                name: "events",
                schema: "events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    stream_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    track_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    descriptor = table.Column<byte[]>(type: "BLOB", nullable: true),
                    descriptor_model = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    quality = table.Column<double>(type: "REAL", nullable: false),
                    box_x = table.Column<float>(type: "REAL", nullable: false),
                    box_y = table.Column<float>(type: "REAL", nullable: false),
                    box_width = table.Column<float>(type: "REAL", nullable: false),
                    box_height = table.Column<float>(type: "REAL", nullable: false),
                    image_path = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    matched_face_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    matched_list_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    match_score = table.Column<double>(type: "REAL", nullable: true),
                    acknowledged_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lists",
                schema: "events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lists", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "faces",
                schema: "events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    list_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    external_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    descriptor = table.Column<byte[]>(type: "BLOB", nullable: false),
                    descriptor_model = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    image_path = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_faces", x => x.id);
                    table.ForeignKey(
                        name: "fk_faces_lists_list_id",
                        column: x => x.list_id,
                        principalSchema: "events",
                        principalTable: "lists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_events_created_at",
                schema: "events",
                table: "events",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_events_matched_face_id",
                schema: "events",
                table: "events",
                column: "matched_face_id");

            migrationBuilder.CreateIndex(
                name: "ix_events_stream_id_created_at",
                schema: "events",
                table: "events",
                columns: new[] { "stream_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_faces_list_id_external_id",
                schema: "events",
                table: "faces",
                columns: new[] { "list_id", "external_id" });

            migrationBuilder.CreateIndex(
                name: "ix_lists_name",
                schema: "events",
                table: "lists",
                column: "name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "events",
                schema: "events");

            migrationBuilder.DropTable(
                name: "faces",
                schema: "events");

            migrationBuilder.DropTable(
                name: "lists",
                schema: "events");
        }
    }
}
