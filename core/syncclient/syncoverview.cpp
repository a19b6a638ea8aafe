// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncclient/syncoverview.h"

#include "common/jsontime.h"
#include "projects/projectstore.h"
#include "projects/replica.h"
#include "syncclient/conflicts.h"
#include "syncclient/projectsyncer.h"

namespace Realm::SyncClient {

QJsonObject ProjectSyncStatus::toJson() const
{
    return {{QStringLiteral("kind"), QStringLiteral("project")},
            {QStringLiteral("project_id"), link.projectId},
            {QStringLiteral("project"), projectName},
            {QStringLiteral("server"), link.server},
            {QStringLiteral("server_project_id"), link.serverProjectId},
            {QStringLiteral("state"), stateName(link.state)},
            {QStringLiteral("pending"), pending},
            {QStringLiteral("conflicts"), conflicts},
            {QStringLiteral("files_not_downloaded"), notDownloaded},
            {QStringLiteral("cursor"), link.cursor},
            {QStringLiteral("last_synced_at"), link.lastSyncedAtMs ? QJsonValue(Json::time(*link.lastSyncedAtMs)) : QJsonValue()},
            {QStringLiteral("last_error"), link.lastError}};
}

Result<QList<ProjectSyncStatus>> syncStatuses(const Storage::DatabasePtr &db)
{
    Result<QList<Link>> links = SyncState::links(db->handle());
    if (!links)
        return links.error();
    Result<QHash<QString, qint64>> absent = Projects::Replica::absentFileCounts(db->handle());
    if (!absent)
        return absent.error();
    QList<ProjectSyncStatus> statuses;
    Projects::ProjectStore store(db);
    for (const Link &link : std::as_const(*links)) {
        ProjectSyncStatus status{.link = link, .projectName = link.projectId};
        if (Result<Projects::Project> project = store.find(link.projectId, true))
            status.projectName = project->name;
        Result<qint64> pending = ProjectSyncer::pendingChanges(db->handle(), link.projectId);
        if (!pending)
            return pending.error();
        status.pending = *pending;
        Result<QList<Conflicts::Copy>> copies = Conflicts::list(db, link.projectId);
        if (!copies)
            return copies.error();
        status.conflicts = copies->size();
        status.notDownloaded = absent->value(link.projectId);
        statuses.append(status);
    }
    return statuses;
}

QJsonObject OrgTemplateSyncStatus::toJson() const
{
    return {{QStringLiteral("kind"), QStringLiteral("org_templates")},
            {QStringLiteral("org_id"), link.orgId},
            {QStringLiteral("org"), link.orgName},
            {QStringLiteral("server"), link.server},
            {QStringLiteral("pending"), pending},
            {QStringLiteral("cursor"), link.cursor},
            {QStringLiteral("last_synced_at"), link.lastSyncedAtMs ? QJsonValue(Json::time(*link.lastSyncedAtMs)) : QJsonValue()},
            {QStringLiteral("last_error"), link.lastError}};
}

Result<QList<OrgTemplateSyncStatus>> orgTemplateSyncStatuses(const Storage::DatabasePtr &db)
{
    Result<QList<OrgTemplateState::Link>> links = OrgTemplateState::links(db->handle());
    if (!links)
        return links.error();
    QList<OrgTemplateSyncStatus> statuses;
    for (const OrgTemplateState::Link &link : std::as_const(*links)) {
        Result<qint64> pending = OrgTemplateState::pendingCount(db->handle(), link.orgId);
        if (!pending)
            return pending.error();
        statuses.append({link, *pending});
    }
    return statuses;
}

} // namespace Realm::SyncClient
