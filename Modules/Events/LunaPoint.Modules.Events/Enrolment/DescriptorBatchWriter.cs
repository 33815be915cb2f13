using LunaPoint.Modules.Events.Data;
using LunaPoint.Modules.Events.Domain;
using LunaPoint.Modules.Events.Matching;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace LunaPoint.Modules.Events.Enrolment;

/// <summary>A new face ready to write: its ids, fields and descriptor (unit length).</summary>
internal sealed record NewFace(Guid FaceId, Guid PhotoId, string Name, string? ExternalId, string? UserDataJson, float[] Descriptor, string? ImagePath = null, double Quality = 0);

/// <summary>
/// Writes a batch of new faces (faces, list_faces, face_photos) in one transaction: PostgreSQL by binary
/// COPY (one round trip per table, about 30x fewer per row than INSERTs), SQLite by batched inserts.
/// </summary>
internal sealed class DescriptorBatchWriter(EventsDbContext db)
{
    public async Task WriteAsync(Guid listId, IReadOnlyList<NewFace> faces, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (faces.Count == 0)
        {
            return;
        }

        if (db.Database.IsNpgsql())
        {
            await CopyAsync(listId, faces, now, cancellationToken);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var face in faces)
        {
            db.Faces.Add(new Face { Id = face.FaceId, Name = face.Name, ExternalId = face.ExternalId, UserDataJson = face.UserDataJson, CreatedAt = now, UpdatedAt = now });
            db.ListMembers.Add(new ListMember { ListId = listId, FaceId = face.FaceId, AddedAt = now });
            db.FacePhotos.Add(new FacePhoto
            {
                Id = face.PhotoId, FaceId = face.FaceId, Descriptor = DescriptorCodec.ToBytes(face.Descriptor), DescriptorModel = DescriptorCodec.Model,
                ImagePath = face.ImagePath, Quality = face.Quality, CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task CopyAsync(Guid listId, IReadOnlyList<NewFace> faces, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var schema = EventsDbContext.SchemaName;
            await using (var copy = await connection.BeginBinaryImportAsync($"COPY {schema}.faces (id, name, external_id, user_data_json, created_at, updated_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var face in faces)
                {
                    copy.StartRow();
                    copy.Write(face.FaceId, NpgsqlDbType.Uuid);
                    copy.Write(face.Name, NpgsqlDbType.Varchar);
                    WriteNullable(copy, face.ExternalId);
                    WriteNullable(copy, face.UserDataJson);
                    copy.Write(now, NpgsqlDbType.TimestampTz);
                    copy.Write(now, NpgsqlDbType.TimestampTz);
                }

                await copy.CompleteAsync(cancellationToken);
            }

            await using (var copy = await connection.BeginBinaryImportAsync($"COPY {schema}.list_faces (list_id, face_id, added_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var face in faces)
                {
                    copy.StartRow();
                    copy.Write(listId, NpgsqlDbType.Uuid);
                    copy.Write(face.FaceId, NpgsqlDbType.Uuid);
                    copy.Write(now, NpgsqlDbType.TimestampTz);
                }

                await copy.CompleteAsync(cancellationToken);
            }

            await using (var copy = await connection.BeginBinaryImportAsync(
                $"COPY {schema}.face_photos (id, face_id, descriptor, descriptor_model, image_path, quality, created_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var face in faces)
                {
                    copy.StartRow();
                    copy.Write(face.PhotoId, NpgsqlDbType.Uuid);
                    copy.Write(face.FaceId, NpgsqlDbType.Uuid);
                    copy.Write(DescriptorCodec.ToBytes(face.Descriptor), NpgsqlDbType.Bytea);
                    copy.Write(DescriptorCodec.Model, NpgsqlDbType.Varchar);
                    WriteNullable(copy, face.ImagePath);
                    copy.Write(face.Quality, NpgsqlDbType.Double);
                    copy.Write(now, NpgsqlDbType.TimestampTz);
                }

                await copy.CompleteAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // Rows are written synchronously into the importer's buffer (it sends when full): awaiting each of
    // millions of values cost more than the I/O it could overlap.
    private static void WriteNullable(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Varchar);
        }
    }
}
