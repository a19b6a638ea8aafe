// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "syncclient/projectsyncer.h"

namespace Realm::SyncClient::Detail {

// The protocol's table names, as the sync state keeps them.
inline const QString kFiles = QLatin1String(Sync::Tables::kFiles);
inline const QString kProject = QLatin1String(Sync::Tables::kProject);

// One project's sync under way: what push and pull share.
struct Session {
    Storage::DatabasePtr db;
    Sync::Transport *transport = nullptr;
    const CancellationToken *cancel = nullptr;
    ProjectSyncer::Progress progress;
    Link link;
    SyncReport report;

    QString apiPath(const QString &rest) const { return QStringLiteral("/projects/%1%2").arg(link.serverProjectId, rest); }
    bool cancelled() const { return cancel && cancel->isCancelled(); }
    void say(double fraction, const QString &text) const
    {
        if (progress)
            progress(fraction, text);
    }
};

// What a base remembers of an item's data: a file's content hash, the
// SHA-256 of anything else's JSON (so an unchanged item is not sent).
QString itemHash(const QString &table, const QJsonObject &data);

// The project's description and tags as the server should have them, when
// they differ from what it last had (nullopt: nothing to send).
Result<std::optional<QJsonObject>> infoToSend(Storage::Handle db, const QString &projectId);

// Sends the local changes: takes them from change capture into the outbox
// (numbered), uploads the contents the server lacks, pushes, and records
// the answers.
Result<void> push(Session &session);
// Applies what changed on the server since the link's cursor.
Result<void> pull(Session &session, const SyncOptions &options);

} // namespace Realm::SyncClient::Detail
