// SPDX-License-Identifier: GPL-3.0-or-later
// A shared project's history is the team's: a member's refresh is one
// version on the server, and every member's copy records the changes it
// pulls in that version, under the name the server knows its maker by. Real
// workspaces (SQLite files) and a real server database (SQLite and
// PostgreSQL), with the transport that speaks the routes' JSON between them.
#include "projects/gitexporter.h"
#include "projects/historyreplica.h"
#include "projects/projecthistory.h"
#include "storage/statement.h"
#include "teamfixture.h"
#include "verifyresult.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

using namespace Realm;
using Projects::ProjectHistory;
using Projects::ProjectVersion;
using Realm::SyncClient::ProjectSyncer;
using Realm::SyncClient::SyncReport;
using Realm::Test::Machine;

namespace {

QString sha(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// A version's changes as path → SHA-256 (empty: removed).
QMap<QString, QString> changesOf(Machine &machine, const QString &versionId)
{
    QMap<QString, QString> changes;
    Result<QList<Projects::VersionChange>> listed = ProjectHistory(machine.db()).changes(versionId);
    if (listed)
        for (const Projects::VersionChange &change : std::as_const(*listed))
            changes.insert(change.path, QString::fromLatin1(change.sha256.toHex()));
    return changes;
}

QList<ProjectVersion> versionsOf(Machine &machine, const QString &projectId)
{
    Result<QList<ProjectVersion>> versions = ProjectHistory(machine.db()).versions(projectId);
    return versions ? *versions : QList<ProjectVersion>();
}

// The files the history gives, replayed from nothing.
QMap<QString, QString> replayed(Machine &machine, const QString &projectId)
{
    Projects::VersionTree tree;
    for (const ProjectVersion &version : versionsOf(machine, projectId))
        ProjectHistory::apply(tree, *ProjectHistory(machine.db()).changes(version.id));
    QMap<QString, QString> files;
    for (auto it = tree.cbegin(); it != tree.cend(); ++it)
        files.insert(it.key(), QString::fromLatin1(it->first.toHex()));
    return files;
}

qint64 versionsToSend(Machine &machine)
{
    return Test::scalar(machine.db(), QStringLiteral("SELECT count(*) FROM changes c JOIN project_versions v ON v.id = c.row_key "
                                                     "WHERE c.table_name = 'project_versions'"));
}

} // namespace

class TestSharedHistory final : public QObject, public Test::TeamFixture {
    Q_OBJECT

private slots:
    void init() { startTeam(); }
    void cleanup() { stopTeam(); }

    // Alice's refresh (an edit, a new file, a removal) is the same version
    // in Bob's copy: its id, its kind and counts, exactly its changes, and
    // her name. Replayed, his history gives his files; his Git export says
    // who made each commit. Nothing of it is sent back.
    void aTeammatesRefreshIsTheSameVersionInEveryCopy()
    {
        Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("README.md"), "# Website, edited\n");
        Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("src/new.js"), "let added = 1;\n");
        QVERIFY(QFile::remove(m_alicesMachine->path(QStringLiteral("src/style.css"))));
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        Result<SyncReport> alices = m_alicesMachine->syncer().sync(m_aliceProject);
        REALM_VERIFY_OK(alices);
        // The version is the record of the three changes, not a fourth.
        QCOMPARE(alices->sent, qint64(3));
        QCOMPARE(alices->received, qint64(0));
        const QList<ProjectVersion> hers = versionsOf(*m_alicesMachine, m_aliceProject);
        const int pushesBefore = m_alicesMachine->transport->pushes;
        QCOMPARE(hers.size(), 2); // import, refresh
        // Her own versions come back named by the server.
        QCOMPARE(hers.at(0).author, QStringLiteral("Alice"));
        QCOMPARE(hers.at(1).author, QStringLiteral("Alice"));

        Result<SyncReport> bobs = m_bobsMachine->syncer().sync(m_bobProject);
        REALM_VERIFY_OK(bobs);
        QCOMPARE(bobs->received, qint64(3));
        const QList<ProjectVersion> his = versionsOf(*m_bobsMachine, m_bobProject);
        QCOMPARE(his.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(his.at(i).id, hers.at(i).id);
            QCOMPARE(his.at(i).kind, hers.at(i).kind);
            QCOMPARE(his.at(i).createdAt / 1000, hers.at(i).createdAt / 1000);
            QCOMPARE(his.at(i).author, QStringLiteral("Alice"));
        }
        QCOMPARE(his.at(0).added, 3);
        QCOMPARE(changesOf(*m_bobsMachine, his.at(0).id).size(), 3);
        QCOMPARE(his.at(1).kind, QStringLiteral("refresh"));
        QCOMPARE(his.at(1).added, 1);
        QCOMPARE(his.at(1).changed, 1);
        QCOMPARE(his.at(1).removed, 1);
        const QMap<QString, QString> refreshed{{QStringLiteral("README.md"), sha("# Website, edited\n")},
                                               {QStringLiteral("src/new.js"), sha("let added = 1;\n")},
                                               {QStringLiteral("src/style.css"), QString()}};
        QCOMPARE(changesOf(*m_bobsMachine, his.at(1).id), refreshed);
        QCOMPARE(changesOf(*m_alicesMachine, hers.at(1).id), refreshed);
        QCOMPARE(replayed(*m_bobsMachine, m_bobProject), filesOf(*m_bobsMachine, m_bobProject));
        QCOMPARE(filesOf(*m_bobsMachine, m_bobProject), filesOf(*m_alicesMachine, m_aliceProject));

        // The old README stays with his first version; the counts follow.
        QCOMPARE(Test::scalar(m_bobsMachine->db(), QStringLiteral("SELECT count(*) FROM blobs WHERE hex(sha256) = '%1'").arg(sha("# Website\n").toUpper())), 1);
        QCOMPARE(Test::scalar(m_bobsMachine->db(), QStringLiteral("SELECT file_count FROM projects WHERE id = '%1'").arg(m_bobProject)), 3);

        // His copies of her versions are nothing to send, nor hers again.
        QCOMPARE(versionsToSend(*m_bobsMachine), 0);
        QCOMPARE(versionsToSend(*m_alicesMachine), 0);
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        QCOMPARE(m_alicesMachine->transport->pushes, pushesBefore);
        REALM_VERIFY_OK(ProjectSyncer::pendingChanges(m_bobsMachine->db()->handle(), m_bobProject));
        QCOMPARE(*ProjectSyncer::pendingChanges(m_bobsMachine->db()->handle(), m_bobProject), qint64(0));
        Result<SyncReport> again = m_bobsMachine->syncer().sync(m_bobProject);
        REALM_VERIFY_OK(again);
        QCOMPARE(again->sent, qint64(0));
        QCOMPARE(versionsOf(*m_bobsMachine, m_bobProject).size(), 2);

        // Bob's Git export: a commit per version, each saying who made it.
        QTemporaryDir repository;
        Result<Projects::GitExportReport> exported = Projects::exportToGit(m_bobsMachine->db(), m_bobProject, repository.path(), {});
        REALM_VERIFY_OK(exported);
        QCOMPARE(exported->commitsWritten, 2);
        QProcess git;
        git.start(QStringLiteral("git"), {QStringLiteral("-C"), repository.path(), QStringLiteral("log"), QStringLiteral("--format=%B")});
        QVERIFY(git.waitForFinished());
        QCOMPARE(QString::fromUtf8(git.readAllStandardOutput()).count(QStringLiteral("Realm-Author: Alice\n")), 2);
    }

    // A member working in a checkout: her refresh reaches Alice's history
    // as hers, and Alice does not send it back.
    void aCheckoutsRefreshReachesTheOthersAsItsMakers()
    {
        TeammateClone carol = cloneWithCheckout(QStringLiteral("Carol"));
        QVERIFY(!carol.projectId.isEmpty());
        Test::writeFile(carol.folder, QStringLiteral("src/app.js"), "console.log('carol');\n");
        REALM_VERIFY_OK(refresh(*carol.machine, carol.projectId));
        Result<SyncReport> carols = carol.syncer().sync(carol.projectId);
        REALM_VERIFY_OK(carols);
        QCOMPARE(carols->sent, qint64(1));

        Result<SyncReport> alices = m_alicesMachine->syncer().sync(m_aliceProject);
        REALM_VERIFY_OK(alices);
        QCOMPARE(alices->received, qint64(1));
        QCOMPARE(alices->sent, qint64(0));
        const QList<ProjectVersion> hers = versionsOf(*m_alicesMachine, m_aliceProject);
        QCOMPARE(hers.size(), 2);
        QCOMPARE(hers.last().id, versionsOf(*carol.machine, carol.projectId).last().id);
        QCOMPARE(hers.last().kind, QStringLiteral("refresh"));
        QCOMPARE(hers.last().author, QStringLiteral("Carol"));
        QCOMPARE(changesOf(*m_alicesMachine, hers.last().id), (QMap<QString, QString>{{QStringLiteral("src/app.js"), sha("console.log('carol');\n")}}));
        QCOMPARE(versionsToSend(*m_alicesMachine), 0);
        QCOMPARE(replayed(*m_alicesMachine, m_aliceProject), filesOf(*m_alicesMachine, m_aliceProject));
    }

    // Who made a version is the server's word: a name the client sends is
    // replaced by the one the server knows the sender by.
    void theServerNamesWhoMadeAVersion()
    {
        Storage::Statement forged(m_bobsMachine->db()->handle(),
                                  "INSERT INTO project_versions (id, project_id, number, kind, created_at, author) VALUES (?, ?, 9, 'refresh', 1700000000000, 'Mallory')");
        forged.bindAll(QStringLiteral("0190a1b2-0c3d-7e4f-8a5b-00000000f0f0"), m_bobProject);
        REALM_VERIFY_OK(forged.exec(QStringLiteral("insert")));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        const QList<ProjectVersion> hers = versionsOf(*m_alicesMachine, m_aliceProject);
        QCOMPARE(hers.size(), 2);
        QCOMPARE(hers.last().id, QStringLiteral("0190a1b2-0c3d-7e4f-8a5b-00000000f0f0"));
        QCOMPARE(hers.last().author, QStringLiteral("Bob"));
    }

    // Edits of different lines merged by the server are nobody's version:
    // Alice's refresh keeps exactly what she made, and the merge she pulls
    // goes into a version of her pull's own.
    void aMergeIsRecordedOutsideAFinishedVersion()
    {
        Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("notes.txt"), "one\ntwo\nthree\nfour\nfive\n");
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        TeammateClone carol = cloneWithCheckout(QStringLiteral("Carol"));
        QVERIFY(!carol.projectId.isEmpty());
        Test::writeFile(carol.folder, QStringLiteral("notes.txt"), "ONE\ntwo\nthree\nfour\nfive\n");
        REALM_VERIFY_OK(refresh(*carol.machine, carol.projectId));
        REALM_VERIFY_OK(carol.syncer().sync(carol.projectId));

        Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("notes.txt"), "one\ntwo\nthree\nfour\nFIVE\n");
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        const ProjectVersion hersBefore = versionsOf(*m_alicesMachine, m_aliceProject).last();
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        const QByteArray merged = "ONE\ntwo\nthree\nfour\nFIVE\n";
        QCOMPARE(filesOf(*m_alicesMachine, m_aliceProject).value(QStringLiteral("notes.txt")), sha(merged));
        QCOMPARE(changesOf(*m_alicesMachine, hersBefore.id), (QMap<QString, QString>{{QStringLiteral("notes.txt"), sha("one\ntwo\nthree\nfour\nFIVE\n")}}));
        const QList<ProjectVersion> hers = versionsOf(*m_alicesMachine, m_aliceProject);
        QCOMPARE(hers.last().kind, QStringLiteral("sync"));
        QCOMPARE(changesOf(*m_alicesMachine, hers.last().id).value(QStringLiteral("notes.txt")), sha(merged));
        QCOMPARE(replayed(*m_alicesMachine, m_aliceProject), filesOf(*m_alicesMachine, m_aliceProject));
        QCOMPARE(versionsToSend(*m_alicesMachine), 0);
    }

    // A version sent again (after a server restore, say) keeps its maker,
    // on the server and in every copy.
    void aVersionSentAgainKeepsItsMaker()
    {
        const ProjectVersion import = versionsOf(*m_alicesMachine, m_aliceProject).first();
        QCOMPARE(import.author, QStringLiteral("Alice"));
        QSqlQuery again(m_bobsMachine->db()->connection());
        QVERIFY(again.exec(QStringLiteral("INSERT INTO changes (table_name, row_key, op) VALUES ('project_versions', '%1', 'upsert')").arg(import.id)));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        QCOMPARE(versionsToSend(*m_bobsMachine), 0); // it went
        Result<Sync::ChangePage> listed = m_sync->changes(m_alice, m_serverProject, {}, 1000);
        REALM_VERIFY_OK(listed);
        const auto version = std::find_if(listed->changes.cbegin(), listed->changes.cend(),
                                          [&](const Sync::Change &change) { return change.key == import.id; });
        QVERIFY(version != listed->changes.cend());
        QCOMPARE(version->data.value(QStringLiteral("author")).toString(), QStringLiteral("Alice"));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        QCOMPARE(versionsOf(*m_alicesMachine, m_aliceProject).first().author, QStringLiteral("Alice"));
        QCOMPARE(versionsOf(*m_bobsMachine, m_bobProject).first().author, QStringLiteral("Alice"));
    }

    // A maker's name is one line in every copy: it goes into commit
    // messages, where a line break could forge a trailer.
    void aMakersNameIsOneLine()
    {
        const QString id = QStringLiteral("0190a1b2-0c3d-7e4f-8a5b-00000000e0e0");
        REALM_VERIFY_OK(Projects::HistoryReplica::apply(m_bobsMachine->db()->handle(), m_bobProject, QStringLiteral("project_versions"), id,
                                                        {{QStringLiteral("kind"), QStringLiteral("refresh")},
                                                         {QStringLiteral("author"), QStringLiteral("Eve\nRealm-Version: 1")}},
                                                        false));
        QCOMPARE(versionsOf(*m_bobsMachine, m_bobProject).last().author, QStringLiteral("Eve Realm-Version: 1"));
    }

    // A change naming a version this copy never got (sent by a client from
    // before, or a version held back) goes into the pull's own version.
    void aChangeOfAnUnknownVersionGoesIntoThePullsOwn()
    {
        Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("README.md"), "# Website, edited\n");
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        QSqlQuery holdBack(m_alicesMachine->db()->connection());
        QVERIFY(holdBack.exec(QStringLiteral("DELETE FROM changes WHERE table_name = 'project_versions'")));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        Result<SyncReport> bobs = m_bobsMachine->syncer().sync(m_bobProject);
        REALM_VERIFY_OK(bobs);
        QCOMPARE(bobs->received, qint64(1));
        const QList<ProjectVersion> his = versionsOf(*m_bobsMachine, m_bobProject);
        QCOMPARE(his.size(), 2);
        QCOMPARE(his.last().kind, QStringLiteral("sync"));
        QCOMPARE(his.last().author, QString());
        QCOMPARE(his.last().changed, 1);
        QCOMPARE(changesOf(*m_bobsMachine, his.last().id), (QMap<QString, QString>{{QStringLiteral("README.md"), sha("# Website, edited\n")}}));
        QCOMPARE(versionsToSend(*m_bobsMachine), 0);
        QCOMPARE(replayed(*m_bobsMachine, m_bobProject), filesOf(*m_bobsMachine, m_bobProject));
    }

    // A clone from before pulls were versions has no history: its next pull
    // starts one holding every file, then records the teammate's version,
    // so replaying still gives its files.
    void aCloneWithoutHistoryStartsOneWithEveryFile()
    {
        QSqlQuery forget(m_bobsMachine->db()->connection());
        QVERIFY(forget.exec(QStringLiteral("DELETE FROM project_versions")));
        Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("src/app.js"), "console.log('bye');\n");
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        REALM_VERIFY_OK(m_bobsMachine->syncer().sync(m_bobProject));
        const QList<ProjectVersion> his = versionsOf(*m_bobsMachine, m_bobProject);
        QCOMPARE(his.size(), 2);
        QCOMPARE(his.first().kind, QStringLiteral("sync"));
        QCOMPARE(his.first().added, 3);
        QCOMPARE(changesOf(*m_bobsMachine, his.first().id).size(), 3);
        QCOMPARE(his.last().author, QStringLiteral("Alice"));
        QCOMPARE(changesOf(*m_bobsMachine, his.last().id), (QMap<QString, QString>{{QStringLiteral("src/app.js"), sha("console.log('bye');\n")}}));
        QCOMPARE(replayed(*m_bobsMachine, m_bobProject), filesOf(*m_bobsMachine, m_bobProject));
        QCOMPARE(versionsToSend(*m_bobsMachine), 0);
    }

    // A refresh of 1,200 files pulled in three groups (500 changes each) is
    // still the one version it was made as.
    void aPullInManyGroupsIsOneVersion()
    {
        for (int i = 0; i < 1200; ++i)
            Test::writeFile(m_alicesMachine->folder.path(), QStringLiteral("gen/f%1.txt").arg(i), QByteArray::number(i));
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        REALM_VERIFY_OK(m_alicesMachine->syncer().sync(m_aliceProject));
        Result<SyncReport> bobs = m_bobsMachine->syncer().sync(m_bobProject);
        REALM_VERIFY_OK(bobs);
        QCOMPARE(bobs->received, qint64(1200));
        const QList<ProjectVersion> his = versionsOf(*m_bobsMachine, m_bobProject);
        QCOMPARE(his.size(), 2); // the import, the refresh
        QCOMPARE(his.last().id, versionsOf(*m_alicesMachine, m_aliceProject).last().id);
        QCOMPARE(his.last().added, 1200);
        QCOMPARE(changesOf(*m_bobsMachine, his.last().id).size(), 1200);
    }
};

QTEST_GUILESS_MAIN(TestSharedHistory)
#include "tst_sharedhistory.moc"
