// SPDX-License-Identifier: GPL-3.0-or-later
// A shared project's folder left as it is when the team's changes arrive
// (`project edit --folder-updates off`): real workspaces, the server's sync
// service in the same process. Pulls change the project and not the folder;
// a refresh sends only what changed in the folder since it was last read —
// never the folder's older copy of a teammate's change; an edit of such an
// older copy is merged with the teammate's on the server (or both kept); a
// delete there loses to a teammate's edit; turning updates back on takes the
// folder's own edits in first, then writes the project into it.
#include "projects/folderbaseline.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "syncclient/conflicts.h"
#include "teamfixture.h"
#include "testworkspace.h"
#include "verifyresult.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTest>

using namespace Realm;
using Realm::SyncClient::SyncReport;
using Realm::Test::Machine;
namespace FolderBaseline = Realm::Projects::FolderBaseline;

namespace {

QString sha(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

const QByteArray kLines = "one\ntwo\nthree\nfour\nfive\n";

QByteArray readFile(const QString &root, const QString &path)
{
    QFile file(root + QLatin1Char('/') + path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

} // namespace

class TestKeptFolder final : public QObject, public Test::TeamFixture {
    Q_OBJECT

private:
    // Carol, another editor, works in a checkout folder of her own.
    TeammateClone m_carol;

    Result<SyncReport> carolChanges(const QString &path, const QByteArray &content)
    {
        if (content.isNull())
            QFile::remove(m_carol.folder + QLatin1Char('/') + path);
        else
            Test::writeFile(m_carol.folder, path, content);
        if (Result<Projects::ImportReport> refreshed = refresh(*m_carol.machine, m_carol.projectId); !refreshed)
            return refreshed.error();
        return m_carol.syncer().sync(m_carol.projectId);
    }

    Result<SyncReport> aliceSyncs() { return m_alicesMachine->syncer().sync(m_aliceProject); }
    QString alicesFolder() const { return m_alicesMachine->folder.path(); }
    QMap<QString, QString> alicesProject() { return filesOf(*m_alicesMachine, m_aliceProject); }

private slots:
    void init()
    {
        startTeam();
        // A file of several lines, for merges.
        Test::writeFile(alicesFolder(), QStringLiteral("lines.txt"), kLines);
        REALM_VERIFY_OK(sendAlicesFolder());
        m_carol = cloneWithCheckout(QStringLiteral("Carol"));
        QVERIFY(!m_carol.projectId.isEmpty());
        REALM_VERIFY_OK(FolderBaseline::setFolderTakesPulls(m_alicesMachine->db(), m_aliceProject, false));
        Result<bool> takesPulls = FolderBaseline::folderTakesPulls(m_alicesMachine->db()->handle(), m_aliceProject);
        REALM_VERIFY_OK(takesPulls);
        QVERIFY(!*takesPulls);
    }

    void cleanup()
    {
        m_carol.machine.reset();
        stopTeam();
    }

    void pullsChangeTheProjectAndARefreshSendsOnlyTheFoldersOwnChanges()
    {
        const QMap<QString, QString> folderBefore = Test::filesUnder(alicesFolder());
        REALM_VERIFY_OK(carolChanges(QStringLiteral("src/app.js"), "console.log('carol');\n"));
        REALM_VERIFY_OK(carolChanges(QStringLiteral("docs/new.md"), "# New\n"));
        REALM_VERIFY_OK(aliceSyncs());
        QCOMPARE(alicesProject(), serverFiles());
        QCOMPARE(Test::filesUnder(alicesFolder()), folderBefore); // not written

        // A whole refresh finds nothing: the folder's older app.js and its
        // lack of docs/new.md are not changes made there.
        Result<Projects::ImportReport> nothing = refresh(*m_alicesMachine, m_aliceProject);
        REALM_VERIFY_OK(nothing);
        QCOMPARE(nothing->added + nothing->changed + nothing->removed, qint64(0));
        Result<SyncReport> quiet = aliceSyncs();
        REALM_VERIFY_OK(quiet);
        QCOMPARE(quiet->sent, qint64(0));

        // Her own edit goes, alone, whether the whole folder or the one
        // file is read (as the window's watcher does).
        Test::writeFile(alicesFolder(), QStringLiteral("src/style.css"), "body { color: red }\n");
        Result<Projects::ImportReport> onePath = Projects::ProjectImporter(m_alicesMachine->db()).refreshProject(m_aliceProject, {}, {QStringLiteral("src")});
        REALM_VERIFY_OK(onePath);
        QCOMPARE(onePath->changed, qint64(1));
        QCOMPARE(onePath->unchanged, qint64(1)); // app.js as the folder last had it
        Result<SyncReport> sent = aliceSyncs();
        REALM_VERIFY_OK(sent);
        QCOMPARE(sent->sent, qint64(1));
        QCOMPARE(serverFiles().value(QStringLiteral("src/app.js")), sha("console.log('carol');\n"));
        QCOMPARE(serverFiles().value(QStringLiteral("src/style.css")), sha("body { color: red }\n"));
        QCOMPARE(serverFiles().value(QStringLiteral("docs/new.md")), sha("# New\n"));
        QCOMPARE(alicesProject(), serverFiles());
        REALM_VERIFY_OK(m_carol.syncer().sync(m_carol.projectId));
        QCOMPARE(Test::filesUnder(m_carol.folder), serverFiles()); // hers still follows
    }

    void anEditOfAnOlderCopyIsMergedWithTheTeammatesChange()
    {
        REALM_VERIFY_OK(carolChanges(QStringLiteral("lines.txt"), "ONE\ntwo\nthree\nfour\nfive\n"));
        REALM_VERIFY_OK(aliceSyncs());
        // Alice edits her folder's copy, which never got Carol's line.
        Test::writeFile(alicesFolder(), QStringLiteral("lines.txt"), "one\ntwo\nthree\nfour\nFIVE\n");
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        Result<SyncReport> merged = aliceSyncs();
        REALM_VERIFY_OK(merged);
        QVERIFY(merged->conflicts.isEmpty());
        QCOMPARE(serverFiles().value(QStringLiteral("lines.txt")), sha("ONE\ntwo\nthree\nfour\nFIVE\n"));
        QCOMPARE(alicesProject(), serverFiles());

        // Once more on the merged file: her folder's copy (her edit only) is
        // what her next edit is made on.
        Test::writeFile(alicesFolder(), QStringLiteral("lines.txt"), "one\ntwo\nTHREE\nfour\nFIVE\n");
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        REALM_VERIFY_OK(aliceSyncs());
        QCOMPARE(serverFiles().value(QStringLiteral("lines.txt")), sha("ONE\ntwo\nTHREE\nfour\nFIVE\n"));
        QCOMPARE(alicesProject(), serverFiles());
        REALM_VERIFY_OK(m_carol.syncer().sync(m_carol.projectId));
        QCOMPARE(Test::filesUnder(m_carol.folder), serverFiles());
    }

    void overlappingEditsKeepBothAndTheTeammatesStaysUnderTheName()
    {
        REALM_VERIFY_OK(carolChanges(QStringLiteral("lines.txt"), "one\ntwo\nCarol's three\nfour\nfive\n"));
        REALM_VERIFY_OK(aliceSyncs());
        Test::writeFile(alicesFolder(), QStringLiteral("lines.txt"), "one\ntwo\nAlice's three\nfour\nfive\n");
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        Result<SyncReport> both = aliceSyncs();
        REALM_VERIFY_OK(both);
        QCOMPARE(both->conflicts.size(), 1);
        const QString copy = both->conflicts.first();
        QVERIFY(copy.startsWith(QStringLiteral("lines (conflict, Alice, ")));
        QCOMPARE(serverFiles().value(QStringLiteral("lines.txt")), sha("one\ntwo\nCarol's three\nfour\nfive\n"));
        QCOMPARE(serverFiles().value(copy), sha("one\ntwo\nAlice's three\nfour\nfive\n"));
        // Her project has Carol's file back under its name, and the copy.
        QCOMPARE(alicesProject(), serverFiles());
        Result<QList<SyncClient::Conflicts::Copy>> listed = SyncClient::Conflicts::list(m_alicesMachine->db(), m_aliceProject);
        REALM_VERIFY_OK(listed);
        QCOMPARE(listed->size(), 1);
        // The folder is hers to settle: nothing was written there.
        QVERIFY(!QFile::exists(alicesFolder() + QLatin1Char('/') + copy));
        QCOMPARE(readFile(alicesFolder(), QStringLiteral("lines.txt")), QByteArray("one\ntwo\nAlice's three\nfour\nfive\n"));
    }

    void aDeleteThereGoesUnlessATeammateEditedTheFile()
    {
        REALM_VERIFY_OK(carolChanges(QStringLiteral("src/app.js"), "console.log('carol');\n"));
        REALM_VERIFY_OK(aliceSyncs());
        QVERIFY(QFile::remove(alicesFolder() + QStringLiteral("/src/app.js")));   // edited by Carol since
        QVERIFY(QFile::remove(alicesFolder() + QStringLiteral("/src/style.css"))); // as everyone has it
        Result<Projects::ImportReport> refreshed = refresh(*m_alicesMachine, m_aliceProject);
        REALM_VERIFY_OK(refreshed);
        QCOMPARE(refreshed->removed, qint64(1));
        REALM_VERIFY_OK(aliceSyncs());
        QVERIFY(!serverFiles().contains(QStringLiteral("src/style.css")));
        QCOMPARE(serverFiles().value(QStringLiteral("src/app.js")), sha("console.log('carol');\n"));
        QCOMPARE(alicesProject(), serverFiles());
        // Gone from the folder, it is no longer the folder's: a later
        // refresh does not delete Carol's file either.
        Result<Projects::ImportReport> again = refresh(*m_alicesMachine, m_aliceProject);
        REALM_VERIFY_OK(again);
        QCOMPARE(again->removed, qint64(0));
        REALM_VERIFY_OK(carolChanges(QStringLiteral("src/app.js"), "console.log('carol 2');\n"));
        REALM_VERIFY_OK(aliceSyncs());
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        REALM_VERIFY_OK(aliceSyncs());
        QCOMPARE(serverFiles().value(QStringLiteral("src/app.js")), sha("console.log('carol 2');\n"));
    }

    void anEditThenADeleteThereLoseToTheTeammatesEdit()
    {
        const QByteArray carols = "ONE\ntwo\nthree\nfour\nfive\n";
        REALM_VERIFY_OK(carolChanges(QStringLiteral("lines.txt"), carols));
        REALM_VERIFY_OK(aliceSyncs());
        Test::writeFile(alicesFolder(), QStringLiteral("lines.txt"), "one\ntwo\nthree\nfour\nFIVE\n");
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        // Deleted before a sync, read as the window's watcher reads it.
        QVERIFY(QFile::remove(alicesFolder() + QStringLiteral("/lines.txt")));
        Result<Projects::ImportReport> gone = Projects::ProjectImporter(m_alicesMachine->db()).refreshProject(m_aliceProject, {}, {QStringLiteral("lines.txt")});
        REALM_VERIFY_OK(gone);
        QCOMPARE(gone->removed, qint64(1)); // her edit, from the project
        REALM_VERIFY_OK(aliceSyncs());
        QCOMPARE(serverFiles().value(QStringLiteral("lines.txt")), sha(carols));
        QCOMPARE(alicesProject(), serverFiles()); // Carol's is back here
        Result<Projects::ImportReport> nothing = refresh(*m_alicesMachine, m_aliceProject);
        REALM_VERIFY_OK(nothing);
        QCOMPARE(nothing->added + nothing->changed + nothing->removed, qint64(0));
    }

    void aFolderCaughtUpWithTheProjectSendsItsNextEditAsMadeOnIt()
    {
        // A binary file, which the server never merges: a wrong base would
        // make a conflict copy.
        const QByteArray original("\x00\x01logo", 6);
        const QByteArray carols("\x00\x02logo", 6);
        const QByteArray alices("\x00\x03logo", 6);
        Test::writeFile(alicesFolder(), QStringLiteral("logo.bin"), original);
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        REALM_VERIFY_OK(aliceSyncs());
        REALM_VERIFY_OK(m_carol.syncer().sync(m_carol.projectId));
        REALM_VERIFY_OK(carolChanges(QStringLiteral("logo.bin"), carols));
        REALM_VERIFY_OK(aliceSyncs());
        // Alice brings Carol's file into her folder by other means (a copy,
        // a git pull): in step again.
        Test::writeFile(alicesFolder(), QStringLiteral("logo.bin"), carols);
        Result<Projects::ImportReport> caughtUp = refresh(*m_alicesMachine, m_aliceProject);
        REALM_VERIFY_OK(caughtUp);
        QCOMPARE(caughtUp->changed, qint64(0));
        Test::writeFile(alicesFolder(), QStringLiteral("logo.bin"), alices);
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        Result<SyncReport> sent = aliceSyncs();
        REALM_VERIFY_OK(sent);
        QVERIFY2(sent->conflicts.isEmpty(), qPrintable(sent->conflicts.join(QLatin1Char(','))));
        QCOMPARE(serverFiles().value(QStringLiteral("logo.bin")), sha(alices));
    }

    void anEditAPullPassedByIsMergedWhenTheFolderIsThenLeftAsItIs()
    {
        REALM_VERIFY_OK(FolderBaseline::setFolderTakesPulls(m_alicesMachine->db(), m_aliceProject, true));
        REALM_VERIFY_OK(carolChanges(QStringLiteral("lines.txt"), "ONE\ntwo\nthree\nfour\nfive\n"));
        // Alice's edit, not refreshed: the pull leaves it in her folder.
        Test::writeFile(alicesFolder(), QStringLiteral("lines.txt"), "one\ntwo\nthree\nfour\nFIVE\n");
        REALM_VERIFY_OK(aliceSyncs());
        QCOMPARE(readFile(alicesFolder(), QStringLiteral("lines.txt")), QByteArray("one\ntwo\nthree\nfour\nFIVE\n"));
        REALM_VERIFY_OK(FolderBaseline::setFolderTakesPulls(m_alicesMachine->db(), m_aliceProject, false));
        REALM_VERIFY_OK(carolChanges(QStringLiteral("lines.txt"), "ONE\ntwo\nTHREE\nfour\nfive\n"));
        REALM_VERIFY_OK(aliceSyncs());
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        REALM_VERIFY_OK(aliceSyncs());
        QCOMPARE(serverFiles().value(QStringLiteral("lines.txt")), sha("ONE\ntwo\nTHREE\nfour\nFIVE\n"));
        QCOMPARE(alicesProject(), serverFiles());
    }

    void aMergedEditWhosePullFailedStaysMadeOnWhatWasSent()
    {
        REALM_VERIFY_OK(carolChanges(QStringLiteral("lines.txt"), "ONE\ntwo\nthree\nfour\nfive\n"));
        REALM_VERIFY_OK(aliceSyncs());
        Test::writeFile(alicesFolder(), QStringLiteral("lines.txt"), "one\ntwo\nthree\nfour\nFIVE\n");
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        // The push is merged on the server; the pull that would bring the
        // merge does not get through.
        m_alicesMachine->transport->pagesBeforeOffline = 0;
        QVERIFY(!aliceSyncs());
        m_alicesMachine->transport->pagesBeforeOffline = -1;
        m_alicesMachine->transport->offline = false;
        QCOMPARE(serverFiles().value(QStringLiteral("lines.txt")), sha("ONE\ntwo\nthree\nfour\nFIVE\n"));
        // Her next edit is made on what she sent, and keeps Carol's line.
        Test::writeFile(alicesFolder(), QStringLiteral("lines.txt"), "one\ntwo\nTHREE\nfour\nFIVE\n");
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        REALM_VERIFY_OK(aliceSyncs());
        QCOMPARE(serverFiles().value(QStringLiteral("lines.txt")), sha("ONE\ntwo\nTHREE\nfour\nFIVE\n"));
        QCOMPARE(alicesProject(), serverFiles());
    }

    void anEditOfAnOlderCopyNotSentYetIsMergedAfterTheFolderFollowsAgain()
    {
        REALM_VERIFY_OK(carolChanges(QStringLiteral("lines.txt"), "ONE\ntwo\nthree\nfour\nfive\n"));
        REALM_VERIFY_OK(aliceSyncs());
        Test::writeFile(alicesFolder(), QStringLiteral("lines.txt"), "one\ntwo\nthree\nfour\nFIVE\n");
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        REALM_VERIFY_OK(FolderBaseline::setFolderTakesPulls(m_alicesMachine->db(), m_aliceProject, true));
        REALM_VERIFY_OK(aliceSyncs());
        QCOMPARE(serverFiles().value(QStringLiteral("lines.txt")), sha("ONE\ntwo\nthree\nfour\nFIVE\n"));
        QCOMPARE(alicesProject(), serverFiles());
        QCOMPARE(Test::filesUnder(alicesFolder()), serverFiles());
        // Followed again, her next edit is made on the merge the pull wrote.
        Test::writeFile(alicesFolder(), QStringLiteral("lines.txt"), "ONE\ntwo\nTHREE\nfour\nFIVE\n");
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        REALM_VERIFY_OK(aliceSyncs());
        QCOMPARE(serverFiles().value(QStringLiteral("lines.txt")), sha("ONE\ntwo\nTHREE\nfour\nFIVE\n"));
        QCOMPARE(Test::scalar(m_alicesMachine->db(), QStringLiteral("SELECT count(*) FROM folder_files WHERE project_id = '%1'").arg(m_aliceProject)), 0);
    }

    void aFileMadeThereBesideATeammatesNewOneKeepsBoth()
    {
        REALM_VERIFY_OK(carolChanges(QStringLiteral("notes.txt"), "Carol's notes\n"));
        REALM_VERIFY_OK(aliceSyncs());
        Test::writeFile(alicesFolder(), QStringLiteral("notes.txt"), "Alice's notes\n");
        REALM_VERIFY_OK(refresh(*m_alicesMachine, m_aliceProject));
        Result<SyncReport> both = aliceSyncs();
        REALM_VERIFY_OK(both);
        QCOMPARE(both->conflicts.size(), 1); // made on nothing: not an edit of Carol's
        QCOMPARE(serverFiles().value(QStringLiteral("notes.txt")), sha("Carol's notes\n"));
        QCOMPARE(serverFiles().value(both->conflicts.first()), sha("Alice's notes\n"));
        QCOMPARE(alicesProject(), serverFiles());
    }

    void turningUpdatesBackOnTakesTheFoldersEditsThenWritesTheProject()
    {
        REALM_VERIFY_OK(carolChanges(QStringLiteral("src/app.js"), "console.log('carol');\n"));
        REALM_VERIFY_OK(carolChanges(QStringLiteral("docs/new.md"), "# New\n"));
        REALM_VERIFY_OK(carolChanges(QStringLiteral("src/style.css"), QByteArray()));
        REALM_VERIFY_OK(aliceSyncs());
        // An edit of hers not refreshed yet.
        Test::writeFile(alicesFolder(), QStringLiteral("README.md"), "# Alice's website\n");
        Result<qint64> written = FolderBaseline::setFolderTakesPulls(m_alicesMachine->db(), m_aliceProject, true);
        REALM_VERIFY_OK(written);
        QCOMPARE(*written, qint64(3)); // app.js, new.md written; style.css removed
        QCOMPARE(readFile(alicesFolder(), QStringLiteral("src/app.js")), QByteArray("console.log('carol');\n"));
        QCOMPARE(readFile(alicesFolder(), QStringLiteral("docs/new.md")), QByteArray("# New\n"));
        QVERIFY(!QFile::exists(alicesFolder() + QStringLiteral("/src/style.css")));
        QCOMPARE(readFile(alicesFolder(), QStringLiteral("README.md")), QByteArray("# Alice's website\n"));
        REALM_VERIFY_OK(aliceSyncs());
        QCOMPARE(Test::filesUnder(alicesFolder()), serverFiles());
        QCOMPARE(alicesProject(), serverFiles());
        // Following again: Carol's next change is written into the folder.
        REALM_VERIFY_OK(carolChanges(QStringLiteral("src/app.js"), "console.log('carol 2');\n"));
        REALM_VERIFY_OK(aliceSyncs());
        QCOMPARE(readFile(alicesFolder(), QStringLiteral("src/app.js")), QByteArray("console.log('carol 2');\n"));
        Result<Projects::ImportReport> nothing = refresh(*m_alicesMachine, m_aliceProject);
        REALM_VERIFY_OK(nothing);
        QCOMPARE(nothing->added + nothing->changed + nothing->removed, qint64(0));
    }

    void emptyingTheTrashForgetsWhatTheFolderHeld()
    {
        const QString held = QStringLiteral("SELECT count(*) FROM folder_files WHERE project_id = '%1'").arg(m_aliceProject);
        const qint64 files = alicesProject().size();
        QVERIFY(files > 0);
        QCOMPARE(Test::scalar(m_alicesMachine->db(), held), files);
        Projects::ProjectStore store(m_alicesMachine->db());
        REALM_VERIFY_OK(store.moveToTrash(m_aliceProject));
        QCOMPARE(Test::scalar(m_alicesMachine->db(), held), files); // still restorable
        REALM_VERIFY_OK(store.emptyTrash());
        QCOMPARE(Test::scalar(m_alicesMachine->db(), held), 0);
    }

    void aProjectWithoutAFolderHasNoSwitch()
    {
        Result<qint64> refused = FolderBaseline::setFolderTakesPulls(m_bobsMachine->db(), m_bobProject, false);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestKeptFolder)
#include "tst_keptfolder.moc"
