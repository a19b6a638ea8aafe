// SPDX-License-Identifier: GPL-3.0-or-later
#include "teamfixture.h"

#include "auth/organizations.h"
#include "auth/sharedprojects.h"
#include "projects/projectstore.h"
#include "testserverdatabase.h"
#include "verifyresult.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace Realm::Test {

using namespace Realm::Auth;
using SyncClient::SyncReport;

void TeamFixture::startTeam()
{
    m_server = Test::openTestServerDatabase(m_serverFolder.path());
    m_sync = std::make_unique<SyncServer::ProjectSync>(m_server);
    const Test::Acme acme = Test::foundAcme(m_server);
    QVERIFY(!acme.orgId.isEmpty());
    m_alice = acme.alice;
    m_bob = acme.bob;
    m_acme = acme.orgId;
    m_alicesMachine = std::make_unique<Machine>();
    m_bobsMachine = std::make_unique<Machine>();
    m_alicesMachine->transport = std::make_unique<InProcessTransport>(m_server, m_sync.get(), m_alice);
    m_bobsMachine->transport = std::make_unique<InProcessTransport>(m_server, m_sync.get(), m_bob);

    // Alice imports a folder and shares it; Bob clones it.
    Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("README.md"), "# Website\n");
    Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("src/app.js"), "console.log('hi');\n");
    Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("src/style.css"), "body {}\n");
    Projects::ImportOptions options;
    options.name = QStringLiteral("website");
    Result<Projects::ImportReport> imported = Projects::ProjectImporter(m_alicesMachine->db()).importProject(m_alicesMachine->folder.path(), options);
    REALM_VERIFY_OK(imported);
    m_aliceProject = imported->project.id;
    Result<SyncReport> shared = m_alicesMachine->syncer().share(m_aliceProject, QStringLiteral("http://server"), m_acme);
    REALM_VERIFY_OK(shared);
    m_serverProject = shared->serverProjectId;
    // Three small contents: one request.
    QCOMPARE(m_alicesMachine->transport->batches, 1);
    REALM_VERIFY_OK(SharedProjects(m_server).setMember(m_alice, m_serverProject, QStringLiteral("bob@example.org"), ProjectRole::Editor, kClient));
    Result<SyncReport> cloned = m_bobsMachine->syncer().clone(QStringLiteral("http://server"), m_serverProject, QStringLiteral("website"));
    REALM_VERIFY_OK(cloned);
    m_bobProject = cloned->projectId;
    // Three small contents down: one request, none one by one.
    QCOMPARE(m_bobsMachine->transport->fetches, 1);
    QCOMPARE(m_bobsMachine->transport->downloads, 0);
    QCOMPARE(filesOf(*m_bobsMachine, m_bobProject), filesOf(*m_alicesMachine, m_aliceProject));
    QCOMPARE(serverFiles(), filesOf(*m_alicesMachine, m_aliceProject));
}

void TeamFixture::stopTeam()
{
    m_alicesMachine.reset();
    m_bobsMachine.reset();
    m_sync.reset();
    m_server.reset();
}

Result<Projects::ImportReport> TeamFixture::refresh(Machine &machine, const QString &projectId)
{
    return Projects::ProjectImporter(machine.db()).refreshProject(projectId, {});
}

Result<void> TeamFixture::sendAlicesFolder()
{
    if (Result<Projects::ImportReport> refreshed = refresh(*m_alicesMachine, m_aliceProject); !refreshed)
        return refreshed.error();
    if (Result<SyncClient::SyncReport> synced = m_alicesMachine->syncer().sync(m_aliceProject); !synced)
        return synced.error();
    return {};
}

bool TeamFixture::runSql(const QString &sql)
{
    Result<QSqlDatabase> db = m_server->connection();
    if (!db)
        return false;
    QSqlQuery query(*db);
    if (!query.exec(sql)) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return false;
    }
    return true;
}

QMap<QString, QString> TeamFixture::filesOf(Machine &machine, const QString &projectId)
{
    QMap<QString, QString> files;
    Result<QList<Projects::ProjectFile>> listed = Projects::ProjectStore(machine.db()).files(projectId);
    if (listed)
        for (const Projects::ProjectFile &file : std::as_const(*listed))
            files.insert(file.path, QString::fromLatin1(file.sha256.toHex()));
    return files;
}

TeamFixture::TeammateClone TeamFixture::cloneWithCheckout(const QString &name)
{
    return cloneAs(name, true, SyncClient::Link::Contents::Eager);
}

TeamFixture::TeammateClone TeamFixture::cloneLazily(const QString &name)
{
    return cloneAs(name, false, SyncClient::Link::Contents::Lazy);
}

TeamFixture::TeammateClone TeamFixture::cloneAs(const QString &name, bool checkout, SyncClient::Link::Contents contents)
{
    TeammateClone clone;
    const QString email = name.toLower() + QStringLiteral("@example.org");
    const Principal person = addPerson(name);
    Result<OrgMember> member = Organizations(m_server).addMember(m_alice, m_acme, email, OrgRole::Member, kClient);
    Result<ProjectMember> editor = member ? SharedProjects(m_server).setMember(m_alice, m_serverProject, email, ProjectRole::Editor, kClient)
                                          : Result<ProjectMember>(member.error());
    clone.machine->transport = std::make_unique<InProcessTransport>(m_server, m_sync.get(), person);
    if (checkout)
        clone.folder = clone.machine->path(QStringLiteral("website"));
    Result<SyncReport> cloned = editor ? clone.syncer().clone(QStringLiteral("http://server"), m_serverProject, {}, clone.folder, contents)
                                       : Result<SyncReport>(editor.error());
    if (!cloned)
        qWarning("%s cannot clone the project: %s", qPrintable(name), qPrintable(cloned.error().message));
    else
        clone.projectId = cloned->projectId;
    return clone;
}

} // namespace Realm::Test
