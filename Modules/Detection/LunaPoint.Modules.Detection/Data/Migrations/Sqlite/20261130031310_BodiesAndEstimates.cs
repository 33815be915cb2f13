using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LunaPoint.Modules.Detection.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class BodiesAndEstimates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "body_jpeg",
                schema: "detection",
                table: "webhook_deliveries",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "body_track_id",
                schema: "detection",
                table: "tracks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "estimates_json",
                schema: "detection",
                table: "tracks",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "body_jpeg",
                schema: "detection",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "body_track_id",
                schema: "detection",
                table: "tracks");

            migrationBuilder.DropColumn(
                name: "estimates_json",
                schema: "detection",
                table: "tracks");
        }
    }
}
