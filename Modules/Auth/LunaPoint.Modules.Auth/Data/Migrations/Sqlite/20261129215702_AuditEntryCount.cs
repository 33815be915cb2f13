using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LunaPoint.Modules.Auth.Data.Migrations.Sqlite
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
                type: "INTEGER",
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
