using LunaPoint.Modules.Events.Matching;
using Npgsql;
using NpgsqlTypes;

namespace LunaPoint.Benchmarks.Ingest;

/// <summary>A watchlist of N random faces written with binary COPY (how a large gallery gets in fast).</summary>
internal static class GallerySeed
{
    public static async Task<Guid> CopyAsync(string connectionString, int faces, int seed, CancellationToken cancellationToken)
    {
        var list = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO events.lists (id, name, color, threshold, notify, created_at, updated_at) VALUES (@id, @name, '#3366cc', 0.8, true, @now, @now)", connection))
        {
            insert.Parameters.AddWithValue("id", list);
            insert.Parameters.AddWithValue("name", $"bench {faces}");
            insert.Parameters.AddWithValue("now", now);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var ids = new Guid[faces];
        for (var i = 0; i < faces; i++)
        {
            ids[i] = Guid.CreateVersion7();
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY events.faces (id, name, created_at, updated_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < faces; i++)
            {
                await copy.WriteRowAsync(cancellationToken, ids[i], $"person {i}", now, now);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        var random = new Random(seed);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY events.face_photos (id, face_id, descriptor, descriptor_model, quality, created_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < faces; i++)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(ids[i], NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(DescriptorCodec.ToBytes(BenchShots.RandomDescriptor(random)), NpgsqlDbType.Bytea, cancellationToken);
                await copy.WriteAsync(DescriptorCodec.Model, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(0.9, NpgsqlDbType.Double, cancellationToken);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY events.list_faces (list_id, face_id, added_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var id in ids)
            {
                await copy.WriteRowAsync(cancellationToken, list, id, now);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        return list;
    }
}
