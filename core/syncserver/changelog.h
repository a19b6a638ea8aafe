// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Realm::SyncServer {

// The change log's rows (sync_epoch, sync_scopes, sync_items,
// sync_clients), in the caller's transaction. No rules here: ProjectSync
// decides, this reads and writes.
namespace ChangeLog {

struct Scope {
    QString id;
    QString orgId;
    qint64 lastSeq = 0;
    qint64 prunedSeq = 0;
};

struct Item {
    QString table;
    QString key;
    qint64 seq = 0;
    QJsonObject data;
    QString changedBy;
    QString changedByClient;
    qint64 changedAtMs = 0;
    std::optional<qint64> deletedAtMs;
    bool isLive() const { return !deletedAtMs.has_value(); }
};

// This database's epoch; empty when none was made yet.
Result<QString> epoch(const QSqlDatabase &db);
// The epoch, made now if there is none (a write).
Result<QString> ensureEpoch(const QSqlDatabase &db);

// The scope's row, made if missing, and locked until the transaction ends:
// pushes to one scope run one after the other, so changes commit in
// sequence order and a reader never sees seq 11 without seq 10.
Result<Scope> lockScope(const QSqlDatabase &db, const QString &scopeId, const QString &orgId);
// The scope's row; an empty scope when it has none yet.
Result<Scope> scope(const QSqlDatabase &db, const QString &scopeId);
Result<void> setLastSeq(const QSqlDatabase &db, const QString &scopeId, qint64 lastSeq);

Result<std::optional<Item>> item(const QSqlDatabase &db, const QString &scopeId, const QString &table, const QString &key);
// Inserts or replaces the item.
Result<void> store(const QSqlDatabase &db, const QString &scopeId, const Item &item);
// Items changed after `afterSeq`, oldest first: at most `limit`, and no
// more once their data (as stored: JSON, UTF-8) reach `maxBytes` — one at
// least, however large (an item's data may pass the cap by its own size).
struct ItemPage {
    QList<Item> items;
    bool hasMore = false; // items after these
};
Result<ItemPage> since(const QSqlDatabase &db, const QString &scopeId, qint64 afterSeq, int limit, qint64 maxBytes);

struct Client {
    QString userId;
    qint64 lastMutation = 0;
};
Result<std::optional<Client>> client(const QSqlDatabase &db, const QString &scopeId, const QString &clientId);
Result<void> setClient(const QSqlDatabase &db, const QString &scopeId, const QString &clientId, const Client &client, qint64 nowMs);

// The results of a client's recent mutations, for retries: kept for the
// last `kept` numbers.
Result<void> recordResult(const QSqlDatabase &db, const QString &scopeId, const QString &clientId, const QString &outcome, qint64 number, qint64 seq,
                          const QString &conflictKey);
struct RecordedResult {
    QString outcome;
    qint64 seq = 0;
    QString conflictKey;
};
Result<std::optional<RecordedResult>> recordedResult(const QSqlDatabase &db, const QString &scopeId, const QString &clientId, qint64 number);
Result<void> forgetResults(const QSqlDatabase &db, const QString &scopeId, const QString &clientId, qint64 upToNumber);

// Deletes tombstones made before `beforeMs` and moves each scope's pruned
// seq past them; how many went.
Result<qint64> pruneTombstones(const QSqlDatabase &db, qint64 beforeMs);

} // namespace ChangeLog
} // namespace Realm::SyncServer
