// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/principal.h"
#include "common/error.h"
#include "projects/projectimporter.h"
#include "serverdb/serverdatabase.h"
#include "syncclient/projectsyncer.h"
#include "syncserver/projectsync.h"
#include "inprocesstransport.h"
#include "testworkspace.h"

#include <QMap>
#include <QTemporaryDir>

#include <memory>

namespace Realm::Test {

inline const Auth::ClientInfo kClient{QStringLiteral("192.0.2.9"), QStringLiteral("realm-sync-tests")};

// A person's workspace with one project imported from a folder of theirs.
struct Machine {
    TestWorkspace workspace;
    QTemporaryDir folder;
    std::unique_ptr<InProcessTransport> transport;

    Storage::DatabasePtr db() { return workspace.db(); }
    SyncClient::ProjectSyncer syncer() { return SyncClient::ProjectSyncer(db(), transport.get()); }
    QString path(const QString &relative) const { return folder.filePath(relative); }
};

// What the sync tests start from: a server database (SQLite, or
// PostgreSQL for the _postgresql variants) where Alice founded Acme with
// Bob; Alice imports "website" (README.md, src/app.js, src/style.css) from
// a folder of hers and shares it; Bob, an editor, clones it.
class TeamFixture {
protected:
    // Call from init() and cleanup(); a failed start fails the test.
    void startTeam();
    void stopTeam();

    QTemporaryDir m_serverFolder;
    ServerDb::ServerDatabasePtr m_server;
    std::unique_ptr<SyncServer::ProjectSync> m_sync;
    QString m_acme;
    Auth::Principal m_alice;
    Auth::Principal m_bob;
    std::unique_ptr<Machine> m_alicesMachine;
    std::unique_ptr<Machine> m_bobsMachine;
    QString m_aliceProject; // local ids
    QString m_bobProject;
    QString m_serverProject;

    Auth::Principal addPerson(const QString &name) { return Test::addPerson(m_server, name); }
    // Runs SQL on the server's database (what an administrator or time
    // does there); false, with the error logged, when it fails.
    bool runSql(const QString &sql);
    static Result<Projects::ImportReport> refresh(Machine &machine, const QString &projectId);
    // Alice refreshes her project from her folder and syncs it.
    Result<void> sendAlicesFolder();
    // path → SHA-256 of a project's files in a workspace.
    static QMap<QString, QString> filesOf(Machine &machine, const QString &projectId);
    // The server's live files of the project: path → SHA-256.
    QMap<QString, QString> serverFiles() { return serverFilesOf(*m_sync, m_alice, m_serverProject); }

    // Another editor of the project, with a clone of their own; an empty
    // projectId when that failed (said in the log).
    struct TeammateClone {
        std::unique_ptr<Machine> machine = std::make_unique<Machine>();
        QString projectId;
        QString folder; // the checkout folder, if any
        SyncClient::ProjectSyncer syncer() { return machine->syncer(); }
    };
    // In a checkout folder of theirs.
    TeammateClone cloneWithCheckout(const QString &name);
    // Downloading contents only when needed.
    TeammateClone cloneLazily(const QString &name);

private:
    TeammateClone cloneAs(const QString &name, bool checkout, SyncClient::Link::Contents contents);
};

} // namespace Realm::Test
