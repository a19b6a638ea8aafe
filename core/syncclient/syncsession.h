// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "syncclient/projectsyncer.h"

#include "storage/changecapture.h"

#include <QSet>

#include <span>

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
    QString pulledVersionId; // the project's version this sync's pull writes into
    // Teammates' versions this pull brought: their changes are recorded in
    // them (not in versions this copy had: those are finished).
    QSet<QString> receivedVersions;
    // The server turned out to be restored (a new epoch) before anything
    // was sent: the push follows the pull, which finds what it lacks.
    bool pushAfterPull = false;

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
// they differ from what it last had (nullopt: nothing to send) or
// `evenAsTheServerHasIt` (a change of them waits in the outbox).
Result<std::optional<QJsonObject>> infoToSend(Storage::Handle db, const QString &projectId, bool evenAsTheServerHasIt = false);

// How an item is named in the sets below: "table/key".
inline QString itemKey(const QString &table, const QString &key)
{
    return table + QLatin1Char('/') + key;
}
// The items with a change in the outbox.
Result<QSet<QString>> outboxKeys(Storage::Handle db, const QString &projectId);

// A module whose rows of a project (conversations and messages, document
// versions) sync as JSON items: what it has pending, what it holds, and
// how a row the server sent is written. Its writes leave no local change.
struct RowModule {
    bool (*owns)(const QString &table);
    // A row of the project as it would be sent; nullopt: not here.
    Result<std::optional<QJsonObject>> (*itemData)(const Storage::DatabasePtr &db, const QString &projectId, const Storage::RowRef &row);
    // What change capture recorded and is ready to send, in sending order.
    Result<QList<Storage::SyncedRow>> (*pending)(const Storage::DatabasePtr &db, const QString &projectId);
    Result<qint64> (*pendingCount)(Storage::Handle db, const QString &projectId);
    Result<void> (*markAllPending)(Storage::Handle db, const QString &projectId);
    Result<QList<Storage::RowRef>> (*rows)(Storage::Handle db, const QString &projectId);
    // The rows an item needs written before it.
    QList<Storage::RowRef> (*references)(const QString &table, const QJsonObject &data);
    Result<void> (*apply)(Storage::Handle db, const QString &projectId, const QString &table, const QString &key, const QJsonObject &data,
                          bool deleted);
    // Its rows record changes (the project's history): they travel with the
    // changes they record and count as none when sync counts changes.
    bool recordsChanges;
};
std::span<const RowModule> rowModules();
const RowModule *rowModuleFor(const QString &table); // nullptr: not a row module's
bool isRecordOfChanges(const QString &table);      // a row module's that recordsChanges

// Sends the local changes: takes them from change capture into the outbox
// (numbered), uploads the contents the server lacks, pushes, and records
// the answers.
Result<void> push(Session &session);
// Applies what changed on the server since the link's cursor.
Result<void> pull(Session &session, const SyncOptions &options);

inline bool isFile(const Sync::Change &change)
{
    return change.table == kFiles;
}
inline QString shaOf(const Sync::Change &change) // a file's content, hex
{
    return change.data.value(QStringLiteral("sha256")).toString();
}
// The contents a group of changes needs that this workspace lacks,
// downloaded and checked against their hash: SHA-256 (hex) → bytes.
Result<QHash<QString, QByteArray>> download(Session &session, const QList<Sync::Change> &changes);
// Downloads these contents (each once), checked against their hash, in as
// few requests as the server allows: SHA-256 (hex) → bytes.
struct WantedContent {
    QString sha256; // hex
    QString path;   // one file that has it, for messages
    qint64 size = 0;
};
Result<QHash<QString, QByteArray>> downloadContents(Session &session, const QList<WantedContent> &wanted);
// Downloads the contents of the project's files at `paths` that this
// workspace has not downloaded (when empty: every one, with WithHistory
// its history's too), a step at a time. NotFound for a path the project
// does not have.
Result<void> fetchContents(Session &session, const QStringList &paths, FetchReach reach = FetchReach::WithHistory);

} // namespace Realm::SyncClient::Detail
