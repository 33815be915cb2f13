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
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(face.FaceId, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(face.Name, NpgsqlDbType.Varchar, cancellationToken);
                    await WriteNullableAsync(copy, face.ExternalId, cancellationToken);
                    await WriteNullableAsync(copy, face.UserDataJson, cancellationToken);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                }

                await copy.CompleteAsync(cancellationToken);
            }

            await using (var copy = await connection.BeginBinaryImportAsync($"COPY {schema}.list_faces (list_id, face_id, added_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var face in faces)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(listId, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(face.FaceId, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                }

                await copy.CompleteAsync(cancellationToken);
            }

            await using (var copy = await connection.BeginBinaryImportAsync(
                $"COPY {schema}.face_photos (id, face_id, descriptor, descriptor_model, image_path, quality, created_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var face in faces)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(face.PhotoId, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(face.FaceId, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(DescriptorCodec.ToBytes(face.Descriptor), NpgsqlDbType.Bytea, cancellationToken);
                    await copy.WriteAsync(DescriptorCodec.Model, NpgsqlDbType.Varchar, cancellationToken);
                    await WriteNullableAsync(copy, face.ImagePath, cancellationToken);
                    await copy.WriteAsync(face.Quality, NpgsqlDbType.Double, cancellationToken);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
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

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken);
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Varchar, cancellationToken);
        }
    }
}
