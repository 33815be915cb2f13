using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LunaPoint.Modules.Events.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class Watchlists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_faces_lists_list_id",
                schema: "events",
                table: "faces");

            migrationBuilder.DropIndex(
                name: "ix_faces_list_id_external_id",
                schema: "events",
                table: "faces");

            migrationBuilder.DropIndex(
                name: "ix_events_created_at",
                schema: "events",
                table: "events");

            migrationBuilder.DropIndex(
                name: "ix_events_matched_face_id",
                schema: "events",
                table: "events");

            migrationBuilder.DropIndex(
                name: "ix_events_stream_id_created_at",
                schema: "events",
                table: "events");

            migrationBuilder.DropColumn(
                name: "descriptor",
                schema: "events",
                table: "faces");

            migrationBuilder.DropColumn(
                name: "descriptor_model",
                schema: "events",
                table: "faces");

            migrationBuilder.DropColumn(
                name: "display_name",
                schema: "events",
                table: "faces");

            migrationBuilder.DropColumn(
                name: "image_path",
                schema: "events",
                table: "faces");

            migrationBuilder.DropColumn(
                name: "list_id",
                schema: "events",
                table: "faces");

            migrationBuilder.DropColumn(
                name: "kind",
                schema: "events",
                table: "events");

            migrationBuilder.RenameColumn(
                name: "matched_list_id",
                schema: "events",
                table: "events",
                newName: "top_list_id");

            migrationBuilder.RenameColumn(
                name: "matched_face_id",
                schema: "events",
                table: "events",
                newName: "top_face_id");

            migrationBuilder.RenameColumn(
                name: "match_score",
                schema: "events",
                table: "events",
                newName: "top_similarity");

            migrationBuilder.RenameColumn(
                name: "image_path",
                schema: "events",
                table: "events",
                newName: "location");

            migrationBuilder.RenameColumn(
                name: "created_at",
                schema: "events",
                table: "events",
                newName: "updated_at");

            migrationBuilder.RenameColumn(
                name: "acknowledged_at",
                schema: "events",
                table: "events",
                newName: "ended_at");

            migrationBuilder.AddColumn<string>(
                name: "color",
                schema: "events",
                table: "lists",
                type: "character varying(7)",
                maxLength: 7,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "notify",
                schema: "events",
                table: "lists",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "threshold",
                schema: "events",
                table: "lists",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "name",
                schema: "events",
                table: "faces",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                schema: "events",
                table: "faces",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "user_data_json",
                schema: "events",
                table: "faces",
                type: "text",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "descriptor_model",
                schema: "events",
                table: "events",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<byte[]>(
                name: "descriptor",
                schema: "events",
                table: "events",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0],
                oldClrType: typeof(byte[]),
                oldType: "bytea",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "box_y",
                schema: "events",
                table: "events",
                type: "integer",
                nullable: false,
                oldClrType: typeof(float),
                oldType: "real");

            migrationBuilder.AlterColumn<int>(
                name: "box_x",
                schema: "events",
                table: "events",
                type: "integer",
                nullable: false,
                oldClrType: typeof(float),
                oldType: "real");

            migrationBuilder.AlterColumn<int>(
                name: "box_width",
                schema: "events",
                table: "events",
                type: "integer",
                nullable: false,
                oldClrType: typeof(float),
                oldType: "real");

            migrationBuilder.AlterColumn<int>(
                name: "box_height",
                schema: "events",
                table: "events",
                type: "integer",
                nullable: false,
                oldClrType: typeof(float),
                oldType: "real");

            migrationBuilder.AddColumn<double>(
                name: "age",
                schema: "events",
                table: "events",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "best_shots",
                schema: "events",
                table: "events",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "body_image_path",
                schema: "events",
                table: "events",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "captured_at",
                schema: "events",
                table: "events",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "context_image_path",
                schema: "events",
                table: "events",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "estimates_json",
                schema: "events",
                table: "events",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "face_image_path",
                schema: "events",
                table: "events",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "frame_height",
                schema: "events",
                table: "events",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "frame_width",
                schema: "events",
                table: "events",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "gender",
                schema: "events",
                table: "events",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "liveness",
                schema: "events",
                table: "events",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "started_at",
                schema: "events",
                table: "events",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "stream_name",
                schema: "events",
                table: "events",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "tags_json",
                schema: "events",
                table: "events",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "top_name",
                schema: "events",
                table: "events",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "user_data_json",
                schema: "events",
                table: "events",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "event_matches",
                schema: "events",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    face_id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    similarity = table.Column<double>(type: "double precision", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    face_id = table.Column<Guid>(type: "uuid", nullable: false),
                    descriptor = table.Column<byte[]>(type: "bytea", nullable: false),
                    descriptor_model = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    image_path = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    quality = table.Column<double>(type: "double precision", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    list_id = table.Column<Guid>(type: "uuid", nullable: false),
                    face_id = table.Column<Guid>(type: "uuid", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "ix_face_photos_face_id",
                schema: "events",
                table: "face_photos",
                column: "face_id");

            migrationBuilder.CreateIndex(
                name: "ix_list_faces_face_id",
                schema: "events",
                table: "list_faces",
                column: "face_id");
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

            migrationBuilder.DropIndex(
                name: "ix_faces_external_id",
                schema: "events",
                table: "faces");

            migrationBuilder.DropIndex(
                name: "ix_faces_name",
                schema: "events",
                table: "faces");

            migrationBuilder.DropIndex(
                name: "ix_events_started_at",
                schema: "events",
                table: "events");

            migrationBuilder.DropIndex(
                name: "ix_events_stream_id_started_at",
                schema: "events",
                table: "events");

            migrationBuilder.DropIndex(
                name: "ix_events_top_face_id_started_at",
                schema: "events",
                table: "events");

            migrationBuilder.DropIndex(
                name: "ix_events_track_id",
                schema: "events",
                table: "events");

            migrationBuilder.DropColumn(
                name: "color",
                schema: "events",
                table: "lists");

            migrationBuilder.DropColumn(
                name: "notify",
                schema: "events",
                table: "lists");

            migrationBuilder.DropColumn(
                name: "threshold",
                schema: "events",
                table: "lists");

            migrationBuilder.DropColumn(
                name: "name",
                schema: "events",
                table: "faces");

            migrationBuilder.DropColumn(
                name: "updated_at",
                schema: "events",
                table: "faces");

            migrationBuilder.DropColumn(
                name: "user_data_json",
                schema: "events",
                table: "faces");

            migrationBuilder.DropColumn(
                name: "age",
                schema: "events",
                table: "events");

            migrationBuilder.DropColumn(
                name: "best_shots",
                schema: "events",
                table: "events");

            migrationBuilder.DropColumn(
                name: "body_image_path",
                schema: "events",
                table: "events");

            migrationBuilder.DropColumn(
                name: "captured_at",
                schema: "events",
                table: "events");

            migrationBuilder.DropColumn(
                name: "context_image_path",
                schema: "events",
                table: "events");

            migrationBuilder.DropColumn(
                name: "estimates_json",
                schema: "events",
                table: "events");

            migrationBuilder.DropColumn(
                name: "face_image_path",
                schema: "events",
                table: "events");

            migrationBuilder.DropColumn(
                name: "frame_height",
                schema: "events",
                table: "events");

            migrationBuilder.DropColumn(
                name: "frame_width",
                schema: "events",
                table: "events");

            migrationBuilder.DropColumn(
                name: "gender",
                schema: "events",
                table: "events");

            migrationBuilder.DropColumn(
                name: "liveness",
                schema: "events",
                table: "events");

            migrationBuilder.DropColumn(
                name: "started_at",
                schema: "events",
                table: "events");

            migrationBuilder.DropColumn(
                name: "stream_name",
                schema: "events",
                table: "events");

            migrationBuilder.DropColumn(
                name: "tags_json",
                schema: "events",
                table: "events");

            migrationBuilder.DropColumn(
                name: "top_name",
                schema: "events",
                table: "events");

            migrationBuilder.DropColumn(
                name: "user_data_json",
                schema: "events",
                table: "events");

            migrationBuilder.RenameColumn(
                name: "updated_at",
                schema: "events",
                table: "events",
                newName: "created_at");

            migrationBuilder.RenameColumn(
                name: "top_similarity",
                schema: "events",
                table: "events",
                newName: "match_score");

            migrationBuilder.RenameColumn(
                name: "top_list_id",
                schema: "events",
                table: "events",
                newName: "matched_list_id");

            migrationBuilder.RenameColumn(
                name: "top_face_id",
                schema: "events",
                table: "events",
                newName: "matched_face_id");

            migrationBuilder.RenameColumn(
                name: "location",
                schema: "events",
                table: "events",
                newName: "image_path");

            migrationBuilder.RenameColumn(
                name: "ended_at",
                schema: "events",
                table: "events",
                newName: "acknowledged_at");

            migrationBuilder.AddColumn<byte[]>(
                name: "descriptor",
                schema: "events",
                table: "faces",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<string>(
                name: "descriptor_model",
                schema: "events",
                table: "faces",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "display_name",
                schema: "events",
                table: "faces",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "image_path",
                schema: "events",
                table: "faces",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "list_id",
                schema: "events",
                table: "faces",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AlterColumn<string>(
                name: "descriptor_model",
                schema: "events",
                table: "events",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<byte[]>(
                name: "descriptor",
                schema: "events",
                table: "events",
                type: "bytea",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "bytea");

            migrationBuilder.AlterColumn<float>(
                name: "box_y",
                schema: "events",
                table: "events",
                type: "real",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AlterColumn<float>(
                name: "box_x",
                schema: "events",
                table: "events",
                type: "real",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AlterColumn<float>(
                name: "box_width",
                schema: "events",
                table: "events",
                type: "real",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AlterColumn<float>(
                name: "box_height",
                schema: "events",
                table: "events",
                type: "real",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<string>(
                name: "kind",
                schema: "events",
                table: "events",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_faces_list_id_external_id",
                schema: "events",
                table: "faces",
                columns: new[] { "list_id", "external_id" });

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

            migrationBuilder.AddForeignKey(
                name: "fk_faces_lists_list_id",
                schema: "events",
                table: "faces",
                column: "list_id",
                principalSchema: "events",
                principalTable: "lists",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
