// SPDX-License-Identifier: GPL-3.0-or-later
// Sharing a project makes exactly one server project, however the network
// behaves: the client picks the server project's id and records it before
// it asks, so a create whose answer was lost is sent again with the same
// id and the server answers with the project it made. A real workspace
// and a real server database (SQLite, and PostgreSQL in the _postgresql
// variant) with the in-process transport between them.
#include "auth/accounts.h"
#include "auth/organizations.h"
#include "auth/sharedprojects.h"
#include "projects/projectimporter.h"
#include "storage/statement.h"
#include "syncclient/projectsyncer.h"
#include "syncserver/projectsync.h"
#include "inprocesstransport.h"
#include "testserverdatabase.h"
#include "testworkspace.h"
#include "verifyresult.h"

#include <QLockFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Realm;
using namespace Realm::Auth;
using Realm::SyncClient::Link;
using Realm::SyncClient::ProjectSyncer;
using Realm::SyncClient::SyncReport;
using Realm::Test::InProcessTransport;

namespace {

const ClientInfo kClient{QStringLiteral("192.0.2.9"), QStringLiteral("tst_sharing")};
const QString kServer = QStringLiteral("http://server");

} // namespace

class TestSharing final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_serverFolder;
    ServerDb::ServerDatabasePtr m_server;
    std::unique_ptr<SyncServer::ProjectSync> m_sync;
    QString m_acme;
    Principal m_alice;
    Principal m_bob;
    std::unique_ptr<Test::TestWorkspace> m_workspace;
    QTemporaryDir m_folder;
    QString m_project; // the local one

    Principal addPerson(const QString &name) { return Test::addPerson(m_server, name); }

    std::optional<Link> link()
    {
        Result<std::optional<Link>> found = SyncClient::SyncState::link(m_workspace->db()->handle(), m_project);
        return found ? *found : std::nullopt;
    }

    // The organization's projects on the server, by id.
    QStringList serverProjects()
    {
        QStringList ids;
        Result<QList<SharedProject>> listed = SharedProjects(m_server).list(m_alice, m_acme);
        if (listed)
            for (const SharedProject &project : std::as_const(*listed))
                ids.append(project.id);
        return ids;
    }

    // The server project's live file paths.
    QStringList serverFiles(const QString &serverProjectId) { return Test::serverFilesOf(*m_sync, m_alice, serverProjectId).keys(); }

    qint64 auditCount(const QString &action)
    {
        Result<QSqlDatabase> db = m_server->connection();
        if (!db)
            return -1;
        QSqlQuery query(*db);
        query.prepare(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ?"));
        query.addBindValue(action);
        return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
    }

private slots:
    void init()
    {
        m_server = Test::openTestServerDatabase(m_serverFolder.path());
        m_sync = std::make_unique<SyncServer::ProjectSync>(m_server);
        const Test::Acme acme = Test::foundAcme(m_server);
        QVERIFY(!acme.orgId.isEmpty());
        m_alice = acme.alice;
        m_bob = acme.bob;
        m_acme = acme.orgId;

        m_workspace = std::make_unique<Test::TestWorkspace>();
        Test::writeFile(m_folder.path(), QStringLiteral("README.md"), "# Website\n");
        Test::writeFile(m_folder.path(), QStringLiteral("src/app.js"), "console.log('hi');\n");
        Projects::ImportOptions options;
        options.name = QStringLiteral("website");
        Result<Projects::ImportReport> imported = Projects::ProjectImporter(m_workspace->db()).importProject(m_folder.path(), options);
        REALM_VERIFY_OK(imported);
        m_project = imported->project.id;
    }

    void cleanup()
    {
        m_workspace.reset();
        m_sync.reset();
        m_server.reset();
    }

    void aLostCreateAnswerMakesOneProject()
    {
        InProcessTransport transport(m_server, m_sync.get(), m_alice);
        transport.loseNextCreateAnswer = true;
        Result<SyncReport> lost = ProjectSyncer(m_workspace->db(), &transport).share(m_project, kServer, QStringLiteral("Acme"));
        QVERIFY(!lost);
        QCOMPARE(lost.error().code, Error::Code::Unavailable);
        // Made there; here, waiting to hear so.
        QCOMPARE(serverProjects().size(), 1);
        QVERIFY(link());
        QCOMPARE(link()->state, Link::State::Creating);
        QCOMPARE(link()->serverProjectId, serverProjects().first());
        QCOMPARE(link()->orgId, m_acme);

        Result<SyncReport> again = ProjectSyncer(m_workspace->db(), &transport).share(m_project, kServer, QStringLiteral("Acme"));
        REALM_VERIFY_OK(again);
        QCOMPARE(transport.creates, 2);
        QCOMPARE(serverProjects(), QStringList{again->serverProjectId});
        QCOMPARE(again->state, Link::State::Shared);
        QCOMPARE(link()->state, Link::State::Shared);
        QCOMPARE(serverFiles(again->serverProjectId), (QStringList{QStringLiteral("README.md"), QStringLiteral("src/app.js")}));
        QCOMPARE(auditCount(QStringLiteral("project.created")), 1);
    }

    void aSyncFinishesAShareThatDidNotHearBack()
    {
        InProcessTransport transport(m_server, m_sync.get(), m_alice);
        transport.loseNextCreateAnswer = true;
        QVERIFY(!ProjectSyncer(m_workspace->db(), &transport).share(m_project, kServer, m_acme));
        Result<qint64> pending = ProjectSyncer::pendingChanges(m_workspace->db()->handle(), m_project);
        REALM_VERIFY_OK(pending);
        QCOMPARE(*pending, 3); // both files and the project's description wait

        transport.offline = true;
        Result<SyncReport> offline = ProjectSyncer(m_workspace->db(), &transport).sync(m_project);
        QVERIFY(!offline);
        QCOMPARE(link()->state, Link::State::Creating);
        QVERIFY2(link()->lastError.contains(QStringLiteral("offline")), qPrintable(link()->lastError));

        transport.offline = false;
        Result<SyncReport> synced = ProjectSyncer(m_workspace->db(), &transport).sync(m_project);
        REALM_VERIFY_OK(synced);
        QCOMPARE(synced->sent, 3);
        QCOMPARE(synced->pending, 0);
        QCOMPARE(serverProjects().size(), 1);
        QCOMPARE(serverFiles(link()->serverProjectId).size(), 2);
        QVERIFY(link()->lastError.isEmpty());
    }

    void aRefusedCreateLeavesTheProjectUnshared()
    {
        InProcessTransport transport(m_server, m_sync.get(), m_bob);
        transport.loseNextCreateAnswer = true;
        QVERIFY(!ProjectSyncer(m_workspace->db(), &transport).share(m_project, kServer, QStringLiteral("Acme")));
        QCOMPARE(link()->state, Link::State::Creating);
        // Bob leaves the organization before he hears back: the server
        // will not answer him about its project any more.
        REALM_VERIFY_OK(Organizations(m_server).removeMember(m_alice, m_acme, m_bob.userId, kClient));
        Result<SyncReport> refused = ProjectSyncer(m_workspace->db(), &transport).sync(m_project);
        QVERIFY(!refused);
        QVERIFY2(refused.error().code == Error::Code::NotFound || refused.error().code == Error::Code::Forbidden, qPrintable(refused.error().message));
        QVERIFY(!link()); // not shared here after all: a later share starts afresh
        QCOMPARE(Test::scalar(m_workspace->db(), QStringLiteral("SELECT count(*) FROM projects WHERE deleted_at IS NULL")), 1);
    }

    // A 404 from a proxy (a deploy in progress) while the organization is
    // there is no refusal: the share stays unfinished, and the next sync
    // finishes it with the project the lost answer made — not a second.
    void aProxysNotFoundIsNoRefusal()
    {
        InProcessTransport transport(m_server, m_sync.get(), m_alice);
        transport.loseNextCreateAnswer = true;
        QVERIFY(!ProjectSyncer(m_workspace->db(), &transport).share(m_project, kServer, m_acme));
        transport.proxyNotFound = 1;
        Result<SyncReport> proxied = ProjectSyncer(m_workspace->db(), &transport).sync(m_project);
        QVERIFY(!proxied);
        QCOMPARE(proxied.error().code, Error::Code::NotFound);
        QVERIFY(link());
        QCOMPARE(link()->state, Link::State::Creating);
        QVERIFY2(link()->lastError.contains(QStringLiteral("404")), qPrintable(link()->lastError)); // noted where status shows it

        REALM_VERIFY_OK(ProjectSyncer(m_workspace->db(), &transport).sync(m_project));
        QCOMPARE(link()->state, Link::State::Shared);
        QCOMPARE(serverProjects(), QStringList{link()->serverProjectId});
        QCOMPARE(auditCount(QStringLiteral("project.created")), 1);
    }

    // A share waits for no sync: one running holds the project's lock, and
    // the share says so instead of replacing the link under it.
    void aShareDuringASyncIsRefused()
    {
        QLockFile running(m_workspace->db()->path() + QStringLiteral(".sync-") + m_project + QStringLiteral(".lock"));
        QVERIFY(running.tryLock(0));
        InProcessTransport transport(m_server, m_sync.get(), m_alice);
        Result<SyncReport> refused = ProjectSyncer(m_workspace->db(), &transport).share(m_project, kServer, QStringLiteral("Acme"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::Conflict);
        QVERIFY2(refused.error().message.contains(QStringLiteral("being synced already")), qPrintable(refused.error().message));
        QVERIFY(!link());
        QCOMPARE(transport.creates, 0);
    }

    void anOlderServerPicksItsOwnId()
    {
        InProcessTransport transport(m_server, m_sync.get(), m_alice);
        transport.withoutChosenIds = true;
        Result<SyncReport> shared = ProjectSyncer(m_workspace->db(), &transport).share(m_project, kServer, QStringLiteral("Acme"));
        REALM_VERIFY_OK(shared);
        QCOMPARE(serverProjects(), QStringList{shared->serverProjectId});
        QCOMPARE(link()->serverProjectId, shared->serverProjectId);
        QCOMPARE(serverFiles(shared->serverProjectId).size(), 2);
    }

    void theServerAnswersTheSameCreateWithTheSameProject()
    {
        SharedProjects projects(m_server);
        const QString id = QStringLiteral("0192f0c1-7c3a-7b1e-9f00-1a2b3c4d5e6f");
        Result<SharedProject> first = projects.create(m_alice, m_acme, QStringLiteral("site"), {}, kClient, id);
        REALM_VERIFY_OK(first);
        QCOMPARE(first->id, id);
        Result<SharedProject> second = projects.create(m_alice, m_acme, QStringLiteral("site"), {}, kClient, id);
        REALM_VERIFY_OK(second);
        QCOMPARE(second->id, id);
        QCOMPARE(second->createdAtMs, first->createdAtMs);
        QCOMPARE(serverProjects(), QStringList{id});
        QCOMPARE(auditCount(QStringLiteral("project.created")), 1);

        // Someone else's id, a deleted project's, or no UUID: refused.
        Result<SharedProject> bobs = projects.create(m_bob, m_acme, QStringLiteral("site"), {}, kClient, id);
        QVERIFY(!bobs);
        QCOMPARE(bobs.error().code, Error::Code::Conflict);
        REALM_VERIFY_OK(projects.remove(m_alice, id, kClient));
        Result<SharedProject> deleted = projects.create(m_alice, m_acme, QStringLiteral("site"), {}, kClient, id);
        QVERIFY(!deleted);
        QCOMPARE(deleted.error().code, Error::Code::Conflict);
        for (const QString &bad : QStringList{QStringLiteral("site"), QStringLiteral("0192F0C1-7C3A-7B1E-9F00-1A2B3C4D5E6F"), id + QStringLiteral("0")}) {
            Result<SharedProject> refused = projects.create(m_alice, m_acme, QStringLiteral("other"), {}, kClient, bad);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, Error::Code::InvalidInput);
        }
        QVERIFY(serverProjects().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSharing)
#include "tst_sharing.moc"
