// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/database.h"
#include "syncclient/orgtemplatestate.h"
#include "syncclient/syncstate.h"

#include <QJsonObject>
#include <QList>

namespace Realm::SyncClient {

// Where one shared project stands, from the workspace alone (no server
// asked): what `realm-cli sync status` prints and the desktop's badge shows.
struct ProjectSyncStatus {
    Link link;
    QString projectName;
    qint64 pending = 0;   // local changes not sent yet
    qint64 conflicts = 0; // conflict copies waiting to be resolved
    qint64 notDownloaded = 0; // live files whose contents are not here (a lazy clone)

    QJsonObject toJson() const;
};

// Every shared project of the workspace, in the order they were shared.
Result<QList<ProjectSyncStatus>> syncStatuses(const Storage::DatabasePtr &db);

// Where one organization's templates stand here.
struct OrgTemplateSyncStatus {
    OrgTemplateState::Link link;
    qint64 pending = 0; // an admin's changes not answered yet

    QJsonObject toJson() const;
};

// Every organization whose templates this workspace follows, by name.
Result<QList<OrgTemplateSyncStatus>> orgTemplateSyncStatuses(const Storage::DatabasePtr &db);

} // namespace Realm::SyncClient
