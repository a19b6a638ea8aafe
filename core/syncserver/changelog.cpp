// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncserver/changelog.h"

#include "common/ids.h"
#include "serverdb/query.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace Realm::SyncServer::ChangeLog {

using ServerDb::Query;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::SyncServer", text);
}

#define REALM_ITEM_COLUMNS "table_name, row_key, seq, data, changed_by, changed_by_client, changed_at, deleted_at"

// `dataBytes`, when given, gets the size of the item's data as stored (JSON, UTF-8).
Item readItem(const Query &row, qint64 *dataBytes = nullptr)
{
    Item item;
    item.table = row.text(0);
    item.key = row.text(1);
    item.seq = row.integer(2);
    const QByteArray data = row.text(3).toUtf8();
    if (dataBytes)
        *dataBytes = data.size();
    item.data = QJsonDocument::fromJson(data).object();
    item.changedBy = row.text(4);
    item.changedByClient = row.text(5);
    item.changedAtMs = row.integer(6);
    item.deletedAtMs = row.optionalInteger(7);
    return item;
}

} // namespace

Result<QString> epoch(const QSqlDatabase &db)
{
    Query query(db, "SELECT epoch FROM sync_epoch WHERE id = 1");
    if (Result<void> ran = query.exec(tr("Cannot read the sync epoch")); !ran)
        return ran.error();
    return query.next() ? query.text(0) : QString();
}

Result<QString> ensureEpoch(const QSqlDatabase &db)
{
    Query insert(db, "INSERT INTO sync_epoch (id, epoch) VALUES (1, ?) ON CONFLICT (id) DO NOTHING");
    // Without dashes: the epoch is the part of a cursor before its colon.
    insert.bindAll(newId().remove(QLatin1Char('-')));
    if (Result<void> ran = insert.exec(tr("Cannot make the sync epoch")); !ran)
        return ran.error();
    return epoch(db);
}

Result<Scope> lockScope(const QSqlDatabase &db, const QString &scopeId, const QString &orgId)
{
    Query insert(db, "INSERT INTO sync_scopes (scope_id, org_id) VALUES (?, ?) ON CONFLICT (scope_id) DO NOTHING");
    insert.bindAll(scopeId, orgId);
    if (Result<void> ran = insert.exec(tr("Cannot start the change log")); !ran)
        return ran.error();
    // A write to the row locks it on PostgreSQL (SQLite's write transaction
    // holds the whole database already).
    Query lock(db, "UPDATE sync_scopes SET last_seq = last_seq WHERE scope_id = ?");
    lock.bindAll(scopeId);
    if (Result<void> ran = lock.exec(tr("Cannot lock the change log")); !ran)
        return ran.error();
    return scope(db, scopeId);
}

Result<Scope> scope(const QSqlDatabase &db, const QString &scopeId)
{
    Query query(db, "SELECT org_id, last_seq, pruned_seq FROM sync_scopes WHERE scope_id = ?");
    query.bindAll(scopeId);
    if (Result<void> ran = query.exec(tr("Cannot read the change log")); !ran)
        return ran.error();
    Scope found;
    found.id = scopeId;
    if (query.next()) {
        found.orgId = query.text(0);
        found.lastSeq = query.integer(1);
        found.prunedSeq = query.integer(2);
    }
    return found;
}

Result<void> setLastSeq(const QSqlDatabase &db, const QString &scopeId, qint64 lastSeq)
{
    Query update(db, "UPDATE sync_scopes SET last_seq = ? WHERE scope_id = ?");
    update.bindAll(lastSeq, scopeId);
    return update.exec(tr("Cannot advance the change log"));
}

Result<std::optional<Item>> item(const QSqlDatabase &db, const QString &scopeId, const QString &table, const QString &key)
{
    Query query(db, "SELECT " REALM_ITEM_COLUMNS " FROM sync_items WHERE scope_id = ? AND table_name = ? AND row_key = ?");
    query.bindAll(scopeId, table, key);
    if (Result<void> ran = query.exec(tr("Cannot read a synced item")); !ran)
        return ran.error();
    if (!query.next())
        return std::optional<Item>();
    return std::optional<Item>(readItem(query));
}

Result<void> store(const QSqlDatabase &db, const QString &scopeId, const Item &item)
{
    Query upsert(db, "INSERT INTO sync_items (scope_id, " REALM_ITEM_COLUMNS ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                     "ON CONFLICT (scope_id, table_name, row_key) DO UPDATE SET seq = excluded.seq, data = excluded.data, "
                     "changed_by = excluded.changed_by, changed_by_client = excluded.changed_by_client, changed_at = excluded.changed_at, "
                     "deleted_at = excluded.deleted_at");
    upsert.bindAll(scopeId, item.table, item.key, item.seq, QString::fromUtf8(QJsonDocument(item.data).toJson(QJsonDocument::Compact)), item.changedBy,
                   item.changedByClient, item.changedAtMs, item.deletedAtMs);
    return upsert.exec(tr("Cannot store a synced item"));
}

Result<ItemPage> since(const QSqlDatabase &db, const QString &scopeId, qint64 afterSeq, int limit, qint64 maxBytes)
{
    // One row past the limit tells whether there are more.
    Query query(db, "SELECT " REALM_ITEM_COLUMNS " FROM sync_items WHERE scope_id = ? AND seq > ? ORDER BY seq LIMIT ?");
    query.bindAll(scopeId, afterSeq, limit + 1);
    if (Result<void> ran = query.exec(tr("Cannot read the changes")); !ran)
        return ran.error();
    ItemPage page;
    qint64 bytes = 0;
    while (query.next()) {
        if (page.items.size() == limit || (!page.items.isEmpty() && bytes >= maxBytes)) {
            page.hasMore = true;
            break;
        }
        qint64 itemBytes = 0;
        page.items.append(readItem(query, &itemBytes));
        bytes += itemBytes;
    }
    return page;
}

Result<std::optional<Client>> client(const QSqlDatabase &db, const QString &scopeId, const QString &clientId)
{
    Query query(db, "SELECT user_id, last_mutation FROM sync_clients WHERE scope_id = ? AND client_id = ?");
    query.bindAll(scopeId, clientId);
    if (Result<void> ran = query.exec(tr("Cannot read the client's sync state")); !ran)
        return ran.error();
    if (!query.next())
        return std::optional<Client>();
    return std::optional<Client>(Client{query.text(0), query.integer(1)});
}

Result<void> setClient(const QSqlDatabase &db, const QString &scopeId, const QString &clientId, const Client &client, qint64 nowMs)
{
    Query upsert(db, "INSERT INTO sync_clients (scope_id, client_id, user_id, last_mutation, updated_at) VALUES (?, ?, ?, ?, ?) "
                     "ON CONFLICT (scope_id, client_id) DO UPDATE SET last_mutation = excluded.last_mutation, updated_at = excluded.updated_at");
    upsert.bindAll(scopeId, clientId, client.userId, client.lastMutation, nowMs);
    return upsert.exec(tr("Cannot record the client's sync state"));
}

Result<void> recordResult(const QSqlDatabase &db, const QString &scopeId, const QString &clientId, const QString &outcome, qint64 number, qint64 seq,
                          const QString &conflictKey)
{
    Query insert(db, "INSERT INTO sync_results (scope_id, client_id, number, outcome, seq, conflict_key) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bindAll(scopeId, clientId, number, outcome, seq, conflictKey);
    return insert.exec(tr("Cannot record a change's result"));
}

Result<std::optional<RecordedResult>> recordedResult(const QSqlDatabase &db, const QString &scopeId, const QString &clientId, qint64 number)
{
    Query query(db, "SELECT outcome, seq, conflict_key FROM sync_results WHERE scope_id = ? AND client_id = ? AND number = ?");
    query.bindAll(scopeId, clientId, number);
    if (Result<void> ran = query.exec(tr("Cannot read a change's result")); !ran)
        return ran.error();
    if (!query.next())
        return std::optional<RecordedResult>();
    return std::optional<RecordedResult>(RecordedResult{query.text(0), query.integer(1), query.text(2)});
}

Result<void> forgetResults(const QSqlDatabase &db, const QString &scopeId, const QString &clientId, qint64 upToNumber)
{
    Query forget(db, "DELETE FROM sync_results WHERE scope_id = ? AND client_id = ? AND number <= ?");
    forget.bindAll(scopeId, clientId, upToNumber);
    return forget.exec(tr("Cannot forget old results"));
}

Result<qint64> pruneTombstones(const QSqlDatabase &db, qint64 beforeMs)
{
    // The scopes first: a cursor below the highest seq pruned may have
    // missed a delete, so it gets the whole scope again.
    // Never backwards (instances' clocks may differ a little).
    Query moved(db, "UPDATE sync_scopes SET pruned_seq = (SELECT CASE WHEN MAX(seq) > sync_scopes.pruned_seq THEN MAX(seq) ELSE sync_scopes.pruned_seq END "
                    "FROM sync_items i WHERE i.scope_id = sync_scopes.scope_id AND i.deleted_at IS NOT NULL AND i.deleted_at < ?) "
                    "WHERE EXISTS (SELECT 1 FROM sync_items i WHERE i.scope_id = sync_scopes.scope_id AND i.deleted_at IS NOT NULL AND i.deleted_at < ?)");
    moved.bindAll(beforeMs, beforeMs);
    if (Result<void> ran = moved.exec(tr("Cannot prune the change logs")); !ran)
        return ran.error();
    Query pruned(db, "DELETE FROM sync_items WHERE deleted_at IS NOT NULL AND deleted_at < ?");
    pruned.bindAll(beforeMs);
    if (Result<void> ran = pruned.exec(tr("Cannot prune the change logs")); !ran)
        return ran.error();
    return qint64(pruned.rowsAffected());
}

} // namespace Realm::SyncServer::ChangeLog
