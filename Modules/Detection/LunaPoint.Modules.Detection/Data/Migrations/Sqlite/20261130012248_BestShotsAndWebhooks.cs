using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LunaPoint.Modules.Detection.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class BestShotsAndWebhooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_webhook_deliveries_delivered_at_next_attempt_at",
                schema: "detection",
                table: "webhook_deliveries");

            migrationBuilder.RenameColumn(
                name: "payload_json",
                schema: "detection",
                table: "webhook_deliveries",
                newName: "metadata_json");

            migrationBuilder.AddColumn<byte[]>(
                name: "face_jpeg",
                schema: "detection",
                table: "webhook_deliveries",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<long>(
                name: "gave_up_at",
                schema: "detection",
                table: "webhook_deliveries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "best_shots",
                schema: "detection",
                table: "tracks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "detections",
                schema: "detection",
                table: "tracks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "first_best_shot_at",
                schema: "detection",
                table: "tracks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_delivered_at_gave_up_at_next_attempt_at",
                schema: "detection",
                table: "webhook_deliveries",
                columns: new[] { "delivered_at", "gave_up_at", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_webhook_deliveries_delivered_at_gave_up_at_next_attempt_at",
                schema: "detection",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "face_jpeg",
                schema: "detection",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "gave_up_at",
                schema: "detection",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "best_shots",
                schema: "detection",
                table: "tracks");

            migrationBuilder.DropColumn(
                name: "detections",
                schema: "detection",
                table: "tracks");

            migrationBuilder.DropColumn(
                name: "first_best_shot_at",
                schema: "detection",
                table: "tracks");

            migrationBuilder.RenameColumn(
                name: "metadata_json",
                schema: "detection",
                table: "webhook_deliveries",
                newName: "payload_json");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_delivered_at_next_attempt_at",
                schema: "detection",
                table: "webhook_deliveries",
                columns: new[] { "delivered_at", "next_attempt_at" });
        }
    }
}
