using Npgsql;

namespace LunaPoint.SharedKernel.Data;

/// <summary>Recognises the database refusing a value (rather than failing) anywhere in an exception chain.</summary>
public static class DatabaseRefusal
{
    public static bool IsDataException(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            // SQLSTATE class 22, "data exception": string too long, NUL in text, numeric out of range, bad date.
            if (current is PostgresException { SqlState: [ '2', '2', ..] })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A unique key refused the write: two requests raced for the same name or membership and this one lost
    /// (PostgreSQL 23505, SQLite's SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY). The client is told 409, never 500.
    /// </summary>
    public static bool IsUniqueViolation(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
                || current is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 })
            {
                return true;
            }
        }

        return false;
    }
}
