using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LunaPoint.SharedKernel.Data;

public static class ModuleConventions
{
    public static void Apply(ModelConfigurationBuilder builder, DatabaseFacade database)
    {
        // Enums are stored by name: readable in SQL and safe against reordering.
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(64);
        if (database.IsSqlite())
        {
            // SQLite cannot compare or order DateTimeOffset stored as text; as ticks it can.
            builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            builder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
