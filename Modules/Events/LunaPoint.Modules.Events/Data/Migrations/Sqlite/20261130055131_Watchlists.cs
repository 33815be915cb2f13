using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LunaPoint.Modules.Events.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Watchlists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Step 1 sketched these tables and nothing wrote them. SQLite cannot alter columns in place: EF would
            // rebuild each table with PRAGMA foreign_keys off, outside the transaction (a warning at every first
            // start, and a half-applied migration if the process died). Dropping and creating them is one transaction.
            migrationBuilder.DropTable(name: "faces", schema: "events");
            migrationBuilder.DropTable(name: "events", schema: "events");
            migrationBuilder.DropTable(name: "lists", schema: "events");

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
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    captured_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    descriptor = table.Column<byte[]>(type: "BLOB", nullable: false),
                    descriptor_model = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    box_x = table.Column<int>(type: "INTEGER", nullable: false),
                    box_y = table.Column<int>(type: "INTEGER", nullable: false),
                    box_width = table.Column<int>(type: "INTEGER", nullable: false),
                    box_height = table.Column<int>(type: "INTEGER", nullable: false),
                    frame_width = table.Column<int>(type: "INTEGER", nullable: false),
                    frame_height = table.Column<int>(type: "INTEGER", nullable: false),
                    quality = table.Column<double>(type: "REAL", nullable: false),
                    estimates_json = table.Column<string>(type: "TEXT", nullable: true),
                    age = table.Column<double>(type: "REAL", nullable: true),
                    gender = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    liveness = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    face_image_path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    context_image_path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body_image_path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    stream_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    tags_json = table.Column<string>(type: "TEXT", nullable: true),
                    user_data_json = table.Column<string>(type: "TEXT", nullable: true),
                    top_face_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    top_list_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    top_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    top_similarity = table.Column<double>(type: "REAL", nullable: true),
                    best_shots = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "faces",
                schema: "events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    external_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    user_data_json = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_faces", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lists",
                schema: "events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    color = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    threshold = table.Column<double>(type: "REAL", nullable: false),
                    notify = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lists", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "event_matches",
                schema: "events",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    face_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    list_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    rank = table.Column<int>(type: "INTEGER", nullable: false),
                    similarity = table.Column<double>(type: "REAL", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_matches", x => new { x.event_id, x.face_id, x.list_id });
                    table.ForeignKey(
                        name: "fk_event_matches_events_event_id",
                        column: x => x.event_id,
                        principalSchema: "events",
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "face_photos",
                schema: "events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    face_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    descriptor = table.Column<byte[]>(type: "BLOB", nullable: false),
                    descriptor_model = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    image_path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    quality = table.Column<double>(type: "REAL", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_face_photos", x => x.id);
                    table.ForeignKey(
                        name: "fk_face_photos_faces_face_id",
                        column: x => x.face_id,
                        principalSchema: "events",
                        principalTable: "faces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "list_faces",
                schema: "events",
                columns: table => new
                {
                    list_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    face_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    added_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_list_faces", x => new { x.list_id, x.face_id });
                    table.ForeignKey(
                        name: "fk_list_faces_faces_face_id",
                        column: x => x.face_id,
                        principalSchema: "events",
                        principalTable: "faces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_list_faces_lists_list_id",
                        column: x => x.list_id,
                        principalSchema: "events",
                        principalTable: "lists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_event_matches_face_id_started_at",
                schema: "events",
                table: "event_matches",
                columns: new[] { "face_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_event_matches_list_id_started_at",
                schema: "events",
                table: "event_matches",
                columns: new[] { "list_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_events_started_at",
                schema: "events",
                table: "events",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_events_stream_id_started_at",
                schema: "events",
                table: "events",
                columns: new[] { "stream_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_events_top_face_id_started_at",
                schema: "events",
                table: "events",
                columns: new[] { "top_face_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_events_track_id",
                schema: "events",
                table: "events",
                column: "track_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_face_photos_face_id",
                schema: "events",
                table: "face_photos",
                column: "face_id");

            migrationBuilder.CreateIndex(
                name: "ix_faces_external_id",
                schema: "events",
                table: "faces",
                column: "external_id");

            migrationBuilder.CreateIndex(
                name: "ix_faces_name",
                schema: "events",
                table: "faces",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_list_faces_face_id",
                schema: "events",
                table: "list_faces",
                column: "face_id");

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
                name: "event_matches",
                schema: "events");

            migrationBuilder.DropTable(
                name: "face_photos",
                schema: "events");

            migrationBuilder.DropTable(
                name: "list_faces",
                schema: "events");

            migrationBuilder.DropTable(
                name: "events",
                schema: "events");

            migrationBuilder.DropTable(
                name: "faces",
                schema: "events");

            migrationBuilder.DropTable(
                name: "lists",
                schema: "events");
        

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
    }
}
