// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/changecapture.h"
#include "storage/database.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Realm::Projects {

// What sync reads from a shared project's history and writes into it,
// inside the caller's transaction: each import, refresh and settled
// conflict is sent as a version (who made it is the server's word), and a
// teammate's arrives before the changes that belong to it, which a pull
// then records in it. What a version changed is not in it: each change of a
// file names the version it belongs to. A copy's own record of pulls
// (kind "sync") is never sent.
namespace HistoryReplica {

inline constexpr char kVersions[] = "project_versions";
bool isHistoryTable(const QString &table);

using Storage::RowRef;
using Storage::SyncedRow;

// One version as it would be sent; nullopt when the project lacks it or it
// is this copy's own record.
Result<std::optional<QJsonObject>> itemData(const Storage::DatabasePtr &db, const QString &projectId, const RowRef &row);
// The versions made here and not yet taken by sync, oldest first.
Result<QList<SyncedRow>> pending(const Storage::DatabasePtr &db, const QString &projectId);
Result<qint64> pendingCount(Storage::Handle db, const QString &projectId);
// Records every version made here as changed: what sharing sends.
Result<void> markAllPending(Storage::Handle db, const QString &projectId);
Result<QList<RowRef>> rows(Storage::Handle db, const QString &projectId);
// Versions need nothing before them.
QList<RowRef> references(const QString &table, const QJsonObject &data);
// A teammate's version, next in this copy's numbering (call
// ProjectHistory::recordBaseline first); one made here gets the name of who
// made it. A version is never deleted by sync, nor renamed.
Result<void> apply(Storage::Handle db, const QString &projectId, const QString &table, const QString &key, const QJsonObject &data,
                   bool deleted);

} // namespace HistoryReplica
} // namespace Realm::Projects
