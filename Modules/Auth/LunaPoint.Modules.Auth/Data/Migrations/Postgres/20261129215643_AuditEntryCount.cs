using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LunaPoint.Modules.Auth.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class AuditEntryCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows written before counting each stand for one event.
            migrationBuilder.AddColumn<int>(
                name: "count",
                schema: "clementine_auth",
                table: "audit_log",
                type: "integer",
                nullable: false,
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "count",
                schema: "clementine_auth",
                table: "audit_log");
        }
    }
}
