using Npgsql;

namespace LunaPoint.Host.ErrorHandling;

/// <summary>Recognises the database refusing a value (rather than failing) anywhere in an exception chain.</summary>
internal static class DatabaseRefusal
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
}
