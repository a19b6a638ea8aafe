// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testserverdatabase.h"

#include "auth/organizations.h"
#include "auth/principal.h"
#include "auth/sharedprojects.h"
#include "serverdb/serverdatabase.h"
#include "sync/transport.h"
#include "syncserver/projectsync.h"

#include <QMap>

#include <functional>

namespace Realm::Test {

// The routes a sync client calls, answered by the server's services in
// this process, as one principal: what the sync tests and the simulation
// put between a client and the server instead of HTTP. It speaks the
// routes' JSON, so the client code under test is the one that talks HTTP.
class InProcessTransport final : public Sync::Transport {
public:
    InProcessTransport(ServerDb::ServerDatabasePtr db, SyncServer::ProjectSync *sync, Auth::Principal principal);

    // The next push with changes is applied by the server, but its answer
    // is lost (a dropped connection after the commit).
    bool loseNextPushAnswer = false;
    // The next push with changes reaches the server twice (a proxy
    // retrying it); the second answer is the one given. Answered
    // differently the second time (applied twice), the call fails.
    bool duplicateNextPush = false;
    // The next create of a project is made by the server, but its answer
    // is lost.
    bool loseNextCreateAnswer = false;
    // A server from before client-chosen project ids: it ignores "id".
    bool withoutChosenIds = false;
    int creates = 0; // creates that reached the server
    // Every call fails as unreachable, before reaching the server.
    bool offline = false;
    // Once this many more calls were answered (when not negative), the
    // connection drops: every call fails after.
    int callsBeforeOffline = -1;
    // The next this many calls are answered 404 by a proxy in front of the
    // server (a deploy in progress), before reaching it.
    int proxyNotFound = 0;
    // When the next push comes, it and this many calls in all are answered
    // 404 by that proxy.
    int proxyNotFoundAtPush = 0;
    int pushes = 0;
    // A server from before the batch routes: POST …/blobs/batch and
    // …/blobs/fetch are not found (realm-server answers 405, read as such).
    bool withoutBatchRoutes = false;
    // Called once, just before the next list of changes is answered: what
    // someone does between a sync's push and its pull.
    std::function<void()> beforeListingChanges;
    // Called once, just before the next push reaches the server: what
    // someone does between a client's read and its change.
    std::function<void()> beforePush;
    // A server from before these tables of an organization's scope: a push
    // with a change to one of them is refused (400), as such a server does.
    QStringList unknownOrgTables;
    // Pages of changes answered; once `pagesBeforeOffline` (when not
    // negative) were, the connection drops: every call fails after.
    int pages = 0;
    int pagesBeforeOffline = -1;

    Result<QJsonObject> call(const QByteArray &method, const QString &path, const QJsonObject &body) override;
    Result<void> put(const QString &path, const QByteArray &bytes) override;
    Result<QByteArray> post(const QString &path, const QByteArray &body, const QByteArray &contentType) override;
    int uploads = 0;   // single uploads taken
    int batches = 0;   // batch uploads taken
    int fetches = 0;   // batch downloads answered
    // Once this many batch downloads were answered (when not negative),
    // the connection drops: every call fails after.
    int fetchesBeforeOffline = -1;
    int downloads = 0; // single downloads answered
    Result<QByteArray> get(const QString &path, qint64 offset) override;

private:
    ServerDb::ServerDatabasePtr m_database;
    Auth::SharedProjects m_projects;
    SyncServer::ProjectSync *m_sync;
    Auth::Principal m_principal;
};

// addPerson (a person with an account): testserverdatabase.h.

// Alice and Bob with accounts on the server, Alice the owner of the
// organization "Acme" and Bob a member; `orgId` empty when that failed (logged).
struct Acme {
    Auth::Principal alice;
    Auth::Principal bob;
    QString orgId;
};
Acme foundAcme(const ServerDb::ServerDatabasePtr &db);

// A server project's live files as `asking` sees them: path → SHA-256.
QMap<QString, QString> serverFilesOf(SyncServer::ProjectSync &sync, const Auth::Principal &asking, const QString &serverProjectId);

// The server forgets every delete it remembers, as once their retention
// has passed: how many.
Result<qint64> forgetDeletes(const ServerDb::ServerDatabasePtr &db, SyncServer::ProjectSync &sync);

} // namespace Realm::Test
