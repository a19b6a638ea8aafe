// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncserver/contentstore.h"

#include "common/crashpoint.h"
#include "serverdb/query.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace Realm::SyncServer::ContentStore {

using ServerDb::Query;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::SyncServer", text);
}

Result<void> dropChunks(const QSqlDatabase &db, const QString &orgId, const QString &sha256)
{
    Query chunks(db, "DELETE FROM sync_blob_chunks WHERE org_id = ? AND sha256 = ?");
    chunks.bindAll(orgId, sha256);
    return chunks.exec(tr("Cannot drop an upload"));
}

Result<bool> wholeMatches(const QSqlDatabase &db, const QString &orgId, const QString &sha256)
{
    // One chunk in memory at a time, however large the content.
    Query chunks(db, "SELECT byte_offset FROM sync_blob_chunks WHERE org_id = ? AND sha256 = ? ORDER BY byte_offset");
    chunks.bindAll(orgId, sha256);
    if (Result<void> ran = chunks.exec(tr("Cannot check an upload")); !ran)
        return ran.error();
    QList<qint64> offsets;
    while (chunks.next())
        offsets.append(chunks.integer(0));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (qint64 offset : offsets) {
        Query chunk(db, "SELECT data FROM sync_blob_chunks WHERE org_id = ? AND sha256 = ? AND byte_offset = ?");
        chunk.bindAll(orgId, sha256, offset);
        if (Result<void> ran = chunk.exec(tr("Cannot check an upload")); !ran)
            return ran.error();
        if (chunk.next())
            hash.addData(chunk.bytes(0));
    }
    return QString::fromLatin1(hash.result().toHex()) == sha256;
}

} // namespace

Result<std::optional<Content>> content(const QSqlDatabase &db, const QString &orgId, const QString &sha256)
{
    Query query(db, "SELECT size, received, complete FROM sync_blobs WHERE org_id = ? AND sha256 = ?");
    query.bindAll(orgId, sha256);
    if (Result<void> ran = query.exec(tr("Cannot look up a file's content")); !ran)
        return ran.error();
    if (!query.next())
        return std::optional<Content>();
    return std::optional<Content>(Content{query.integer(0), query.integer(1), query.integer(2) != 0});
}

Result<Content> lock(const QSqlDatabase &db, const QString &orgId, const QString &sha256, qint64 size, qint64 nowMs)
{
    // Made if missing, then locked: uploads of one content take turns.
    Query insert(db, "INSERT INTO sync_blobs (org_id, sha256, size, received, created_at) VALUES (?, ?, ?, 0, ?) ON CONFLICT (org_id, sha256) DO NOTHING");
    insert.bindAll(orgId, sha256, size, nowMs);
    if (Result<void> ran = insert.exec(tr("Cannot start an upload")); !ran)
        return ran.error();
    Query lockRow(db, "UPDATE sync_blobs SET received = received WHERE org_id = ? AND sha256 = ?");
    lockRow.bindAll(orgId, sha256);
    if (Result<void> ran = lockRow.exec(tr("Cannot start an upload")); !ran)
        return ran.error();
    Result<std::optional<Content>> current = content(db, orgId, sha256);
    if (!current)
        return current.error();
    Content stored = current->value_or(Content{size, 0, false});
    if (stored.size != size && !stored.isComplete()) {
        if (stored.received > 0)
            return Error::conflict(tr("An upload of this content under way says it has %1 bytes, not %2.").arg(stored.size).arg(size));
        Query resize(db, "UPDATE sync_blobs SET size = ? WHERE org_id = ? AND sha256 = ?");
        resize.bindAll(size, orgId, sha256);
        if (Result<void> ran = resize.exec(tr("Cannot start an upload")); !ran)
            return ran.error();
        stored.size = size;
    }
    return stored;
}

Result<Appended> append(const QSqlDatabase &db, const QString &orgId, const QString &sha256, qint64 size, qint64 offset, const QByteArray &bytes,
                        qint64 nowMs)
{
    Result<Content> locked = lock(db, orgId, sha256, size, nowMs);
    if (!locked)
        return locked.error();
    Content stored = *locked;
    if (stored.isComplete())
        return Appended{stored, false};
    if (offset != stored.received)
        return Error::conflict(tr("The upload stands at byte %1, not %2: go on from there.").arg(stored.received).arg(offset));
    if (!bytes.isEmpty()) {
        Query chunk(db, "INSERT INTO sync_blob_chunks (org_id, sha256, byte_offset, data) VALUES (?, ?, ?, ?)");
        chunk.bindAll(orgId, sha256, offset, bytes);
        if (Result<void> ran = chunk.exec(tr("Cannot store an upload")); !ran)
            return ran.error();
        if (offset > 0)
            crashPoint("sync.later_chunk_stored"); // mid-upload, before its progress is recorded
    }
    stored.received = offset + bytes.size();
    bool mismatch = false;
    if (stored.received == stored.size) {
        Result<bool> matches = wholeMatches(db, orgId, sha256);
        if (!matches)
            return matches.error();
        stored.complete = *matches;
        if (!*matches) {
            mismatch = true;
            stored.received = 0;
            if (Result<void> dropped = dropChunks(db, orgId, sha256); !dropped)
                return dropped.error();
        }
    }
    Query progress(db, "UPDATE sync_blobs SET received = ?, complete = ? WHERE org_id = ? AND sha256 = ?");
    progress.bindAll(stored.received, stored.complete ? 1 : 0, orgId, sha256);
    if (Result<void> ran = progress.exec(tr("Cannot store an upload")); !ran)
        return ran.error();
    return Appended{stored, mismatch};
}

Result<void> keep(const QSqlDatabase &db, const QString &orgId, const QString &sha256, const QByteArray &bytes, qint64 nowMs)
{
    Result<std::optional<Content>> current = content(db, orgId, sha256);
    if (!current)
        return current.error();
    if (*current && (*current)->isComplete())
        return {};
    if (*current) {
        // A partial upload of the same content: this whole one replaces it
        // (its uploaders are told where it stands at their next chunk).
        Query lockRow(db, "UPDATE sync_blobs SET received = received WHERE org_id = ? AND sha256 = ?");
        lockRow.bindAll(orgId, sha256);
        if (Result<void> ran = lockRow.exec(tr("Cannot store a merged file")); !ran)
            return ran.error();
        if (Result<void> dropped = dropChunks(db, orgId, sha256); !dropped)
            return dropped.error();
        Query restart(db, "UPDATE sync_blobs SET size = ?, received = 0 WHERE org_id = ? AND sha256 = ?");
        restart.bindAll(bytes.size(), orgId, sha256);
        if (Result<void> ran = restart.exec(tr("Cannot store a merged file")); !ran)
            return ran.error();
    }
    Result<Appended> appended = append(db, orgId, sha256, bytes.size(), 0, bytes, nowMs);
    if (!appended)
        return appended.error();
    if (appended->mismatch)
        return Error::failed(tr("Content made on the server did not match its own hash."));
    return {};
}

Result<QByteArray> read(const QSqlDatabase &db, const QString &orgId, const QString &sha256, qint64 offset, qint64 maxBytes)
{
    Query chunks(db, "SELECT byte_offset, data FROM sync_blob_chunks WHERE org_id = ? AND sha256 = ? "
                     "AND byte_offset < ? AND byte_offset + LENGTH(data) > ? ORDER BY byte_offset");
    chunks.bindAll(orgId, sha256, offset + maxBytes, offset);
    if (Result<void> ran = chunks.exec(tr("Cannot read a file's content")); !ran)
        return ran.error();
    QByteArray bytes;
    while (chunks.next()) {
        const qint64 chunkOffset = chunks.integer(0);
        const QByteArray data = chunks.bytes(1);
        const qint64 from = std::max<qint64>(offset - chunkOffset, 0);
        bytes += data.mid(from, maxBytes - bytes.size());
    }
    return bytes;
}

Result<Hold> hold(const QSqlDatabase &db, const QString &scopeId, const QString &sha256)
{
    Query query(db, "SELECT received, complete FROM sync_scope_blobs WHERE scope_id = ? AND sha256 = ?");
    query.bindAll(scopeId, sha256);
    if (Result<void> ran = query.exec(tr("Cannot look up a file's content")); !ran)
        return ran.error();
    if (!query.next())
        return Hold{};
    return Hold{query.integer(0), query.integer(1) != 0};
}

Result<void> setHold(const QSqlDatabase &db, const QString &scopeId, const QString &sha256, const Hold &hold)
{
    Query upsert(db, "INSERT INTO sync_scope_blobs (scope_id, sha256, received, complete) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT (scope_id, sha256) DO UPDATE SET received = excluded.received, complete = excluded.complete");
    upsert.bindAll(scopeId, sha256, hold.received, hold.complete ? 1 : 0);
    return upsert.exec(tr("Cannot record a file's content"));
}

Result<bool> isInScope(const QSqlDatabase &db, const QString &scopeId, const QString &sha256)
{
    Result<Hold> held = hold(db, scopeId, sha256);
    if (!held)
        return held.error();
    return held->complete;
}

Result<void> addToScope(const QSqlDatabase &db, const QString &scopeId, const QString &sha256)
{
    return setHold(db, scopeId, sha256, Hold{0, true});
}

} // namespace Realm::SyncServer::ContentStore
