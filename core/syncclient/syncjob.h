// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/job.h"
#include "storage/database.h"
#include "sync/transport.h"
#include "syncclient/projectsyncer.h"

#include <functional>
#include <memory>

namespace Realm::SyncClient {

struct SyncInput {
    enum class Action { Sync, Share, Clone, Fetch };
    Action action = Action::Sync;
    QStringList projectIds;  // Sync: these (empty: every shared project of this workspace)
    QString projectId;       // Share
    QString org;             // Share: the organization, by name or id
    QString server;          // the server the transport reaches (as links store it)
    QString serverProjectId; // Clone
    QString name;            // Clone: the local copy's name (empty: the server's)
    QString checkout;        // Clone: a folder for the files, the project's source then
    Link::Contents contents = Link::Contents::Eager; // Clone
    QStringList paths;       // Fetch: the files of `projectId` (empty: every one not downloaded)
    FetchReach reach = FetchReach::WithHistory; // Fetch with no paths: the history's contents too?
    SyncOptions options;
    quint64 requestId = 0;   // whoever queued it, to know its run when it ends (the job ignores it)
};

// Shares, clones, syncs projects or fetches their contents on a thread of its own, whoever asks:
// `realm-cli project share|clone|fetch`, `realm-cli sync`, the desktop. The
// transport is made on that thread (an HTTP one has a network manager,
// which lives where it is made). A sync goes on past a project that fails
// (its report says why, and how far it went); only a cancel ends it all.
class SyncJob final : public Job {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncJob)
public:
    // Called on the job's thread; cancelling the job cancels `cancel`.
    using TransportFactory = std::function<std::unique_ptr<Sync::Transport>(const CancellationToken *cancel)>;

    SyncJob(Storage::DatabasePtr db, TransportFactory transport, SyncInput input, QObject *parent = nullptr);

    void start();

signals:
    void finished(const QList<Realm::SyncClient::SyncReport> &reports);
    void failed(const Realm::Error &error);

private:
    Result<QList<SyncReport>> run(const Storage::DatabasePtr &db, const TransportFactory &makeTransport, const SyncInput &input);

    Storage::DatabasePtr m_db;
    TransportFactory m_makeTransport;
    SyncInput m_input;
};

} // namespace Realm::SyncClient
