// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/changecapture.h"
#include "storage/database.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Realm::Docs {

// What sync reads from a shared project's generated documents and writes
// into them, inside the caller's transaction. A document version never
// changes once made, so two members generating at once both keep theirs;
// only its removal (a tombstone in its data) travels later.
namespace Replica {

inline constexpr char kDocVersions[] = "doc_versions";
bool isDocTable(const QString &table);

using Storage::RowRef;
using Storage::SyncedRow;

// One version of the project as it would be sent; nullopt when this
// workspace does not have it in the project.
Result<std::optional<QJsonObject>> itemData(const Storage::DatabasePtr &db, const QString &projectId, const RowRef &row);
// The project's versions made or removed here and not yet taken by sync.
Result<QList<SyncedRow>> pending(const Storage::DatabasePtr &db, const QString &projectId);
Result<qint64> pendingCount(Storage::Handle db, const QString &projectId);
// Records every version of the project as changed here: what sharing sends.
Result<void> markAllPending(Storage::Handle db, const QString &projectId);
Result<QList<RowRef>> rows(Storage::Handle db, const QString &projectId);
// Versions need nothing before them.
QList<RowRef> references(const QString &table, const QJsonObject &data);
// Writes a version as the server has it into the project; one of another
// project is left alone. `deleted`: the server's tombstone — removed here.
Result<void> apply(Storage::Handle db, const QString &projectId, const QString &table, const QString &key, const QJsonObject &data,
                   bool deleted);

} // namespace Replica
} // namespace Realm::Docs
